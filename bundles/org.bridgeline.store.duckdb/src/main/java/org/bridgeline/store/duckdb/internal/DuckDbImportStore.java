package org.bridgeline.store.duckdb.internal;

import org.bridgeline.store.ImportStore;
import org.bridgeline.store.jdbc.SqlImportStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The import role on DuckDB: one transaction per invoice through the appender. */
@Component(service = ImportStore.class)
public final class DuckDbImportStore extends SqlImportStore {

    @Activate
    public DuckDbImportStore(@Reference DuckDbDatabase database) {
        super(database);
    }
}
