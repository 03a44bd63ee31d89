package org.bridgeline.store.postgresql.internal;

import org.bridgeline.store.InputStore;
import org.bridgeline.store.jdbc.SqlInputStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Input role on PostgreSQL: the portable SQL over the hosted database, bound to the tenant per connection. */
@Component(service = InputStore.class)
public final class PostgresInputStore extends SqlInputStore {

    @Activate
    public PostgresInputStore(@Reference PostgresDatabase database) {
        super(database);
    }
}
