package org.bridgeline.store.duckdb.internal;

import org.bridgeline.store.TenantStore;
import org.bridgeline.store.jdbc.SqlTenantStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The registry role on DuckDB: tenants and API tokens. */
@Component(service = TenantStore.class)
public final class DuckDbTenantStore extends SqlTenantStore {

    @Activate
    public DuckDbTenantStore(@Reference DuckDbDatabase database) {
        super(database);
    }
}
