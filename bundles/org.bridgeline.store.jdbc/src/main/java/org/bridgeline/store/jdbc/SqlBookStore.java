package org.bridgeline.store.jdbc;

import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.store.BookStore;
import org.bridgeline.store.Ledger;
import org.bridgeline.store.Market;

/** The read role: a tenant's book for detectors, its ledger for operators. */
public class SqlBookStore implements BookStore {

    private final Database database;

    public SqlBookStore(Database database) {
        this.database = database;
    }

    @Override
    public BookOfBusiness book(String tenant, String carrier, Market market) {
        return new SqlBook(database, tenant, carrier, market);
    }

    @Override
    public Ledger ledger(String tenant) {
        return new SqlLedger(database, tenant);
    }
}
