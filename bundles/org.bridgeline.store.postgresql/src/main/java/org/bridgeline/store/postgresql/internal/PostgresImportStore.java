package org.bridgeline.store.postgresql.internal;

import org.bridgeline.store.ImportStore;
import org.bridgeline.store.jdbc.SqlImportStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Import role on PostgreSQL: the portable SQL over the hosted database, bound to the tenant per connection. */
@Component(service = ImportStore.class)
public final class PostgresImportStore extends SqlImportStore {

    @Activate
    public PostgresImportStore(@Reference PostgresDatabase database) {
        super(database);
    }
}
