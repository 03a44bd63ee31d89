package org.bridgeline.store.duckdb.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Properties;
import org.bridgeline.store.jdbc.Migrations;
import org.bridgeline.store.testkit.MigrationContract;
import org.bridgeline.store.testkit.Stores;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.io.TempDir;

/** Upgrades from every earlier schema version on DuckDB: a file left at that version, opened by this release. */
class DuckDbMigrationTest extends MigrationContract {

    @TempDir
    Path folder;

    @Override
    protected Stores openMigratedFrom(int version, Seed seed) throws Exception {
        Path file = folder.resolve("version-" + version + ".duckdb");
        try (Connection connection = new DuckDBDriver().connect("jdbc:duckdb:" + file, new Properties())) {
            Migrations.migrate(connection, null, version);
            seed.run(connection);
        }
        OpenStore store = new OpenStore(file);
        return new Stores(store.imports, store.audits, store.inputs, store.books, store.tenants, store.intake, store.disputes, store::close);
    }
}
