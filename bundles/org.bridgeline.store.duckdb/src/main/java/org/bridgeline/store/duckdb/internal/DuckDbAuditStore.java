package org.bridgeline.store.duckdb.internal;

import org.bridgeline.store.AuditStore;
import org.bridgeline.store.jdbc.SqlAuditStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The audit role on DuckDB. */
@Component(service = AuditStore.class)
public final class DuckDbAuditStore extends SqlAuditStore {

    @Activate
    public DuckDbAuditStore(@Reference DuckDbDatabase database) {
        super(database);
    }
}
