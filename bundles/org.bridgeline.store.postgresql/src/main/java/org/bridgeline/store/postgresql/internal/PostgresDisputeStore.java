package org.bridgeline.store.postgresql.internal;

import org.bridgeline.store.DisputeStore;
import org.bridgeline.store.jdbc.SqlDisputeStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The dispute role on PostgreSQL: the tenant's exclusive hold is an advisory lock, so runtimes sharing the database take turns. */
@Component(service = DisputeStore.class)
public final class PostgresDisputeStore extends SqlDisputeStore {

    @Activate
    public PostgresDisputeStore(@Reference PostgresDatabase database) {
        super(database);
    }
}
