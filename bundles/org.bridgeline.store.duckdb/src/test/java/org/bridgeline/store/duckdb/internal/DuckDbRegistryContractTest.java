package org.bridgeline.store.duckdb.internal;

import java.nio.file.Path;
import org.bridgeline.store.testkit.RegistryContract;
import org.bridgeline.store.testkit.Stores;
import org.junit.jupiter.api.io.TempDir;

/** The registry contract on DuckDB: a fresh database file per test. */
class DuckDbRegistryContractTest extends RegistryContract {

    @TempDir
    Path folder;

    @Override
    protected Stores open() {
        OpenStore store = new OpenStore(folder.resolve("data/bridgeline.duckdb"));
        return new Stores(store.imports, store.audits, store.inputs, store.books, store.tenants, store.intake, store.disputes, store::close);
    }
}
