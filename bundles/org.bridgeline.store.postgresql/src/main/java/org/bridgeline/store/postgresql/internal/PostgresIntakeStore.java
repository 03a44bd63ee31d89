package org.bridgeline.store.postgresql.internal;

import org.bridgeline.store.IntakeStore;
import org.bridgeline.store.jdbc.SqlIntakeStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The intake role on PostgreSQL: every runtime on the database claims from one queue, none waiting for another. */
@Component(service = IntakeStore.class)
public final class PostgresIntakeStore extends SqlIntakeStore {

    @Activate
    public PostgresIntakeStore(@Reference PostgresDatabase database) {
        super(database);
    }
}
