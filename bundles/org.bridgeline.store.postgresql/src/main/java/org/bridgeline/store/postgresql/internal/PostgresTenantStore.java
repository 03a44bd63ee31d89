package org.bridgeline.store.postgresql.internal;

import org.bridgeline.store.TenantStore;
import org.bridgeline.store.jdbc.SqlTenantStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The registry role on PostgreSQL: tenants and API tokens, shared by every runtime on the database. */
@Component(service = TenantStore.class)
public final class PostgresTenantStore extends SqlTenantStore {

    @Activate
    public PostgresTenantStore(@Reference PostgresDatabase database) {
        super(database);
    }
}
