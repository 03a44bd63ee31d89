package org.bridgeline.store.duckdb.internal;

import org.bridgeline.store.BookStore;
import org.bridgeline.store.jdbc.SqlBookStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The read role on DuckDB: a tenant's book for detectors, its ledger for operators. */
@Component(service = BookStore.class)
public final class DuckDbBookStore extends SqlBookStore {

    @Activate
    public DuckDbBookStore(@Reference DuckDbDatabase database) {
        super(database);
    }
}
