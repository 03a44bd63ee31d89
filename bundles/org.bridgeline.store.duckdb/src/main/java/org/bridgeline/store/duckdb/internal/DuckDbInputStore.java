package org.bridgeline.store.duckdb.internal;

import org.bridgeline.store.InputStore;
import org.bridgeline.store.jdbc.SqlInputStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The input role on DuckDB: each import a new version in one transaction. */
@Component(service = InputStore.class)
public final class DuckDbInputStore extends SqlInputStore {

    @Activate
    public DuckDbInputStore(@Reference DuckDbDatabase database) {
        super(database);
    }
}
