package org.bridgeline.store.duckdb.internal;

import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.store.BookStore;
import org.bridgeline.store.Ledger;
import org.bridgeline.store.Market;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The read role on DuckDB: a tenant's book for detectors, its ledger for operators. */
@Component(service = BookStore.class)
public final class DuckDbBookStore implements BookStore {

    private final DuckDbDatabase database;

    @Activate
    public DuckDbBookStore(@Reference DuckDbDatabase database) {
        this.database = database;
    }

    @Override
    public BookOfBusiness book(String tenant, String carrier, Market market) {
        return new DuckDbBook(database, tenant, carrier, market);
    }

    @Override
    public Ledger ledger(String tenant) {
        return new DuckDbLedger(database, tenant);
    }
}
