package org.bridgeline.store.postgresql.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Properties;
import org.bridgeline.store.jdbc.Migrations;
import org.bridgeline.store.testkit.MigrationContract;
import org.bridgeline.store.testkit.PostgresServer;
import org.bridgeline.store.testkit.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.osgi.service.jdbc.DataSourceFactory;
import org.postgresql.osgi.PGDataSourceFactory;

/** Upgrades from every earlier schema version on PostgreSQL: a database left at that version (with its companion scripts), opened by this release. */
class PostgresMigrationTest extends MigrationContract {

    static PostgresServer server;
    static Path passwordFile;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.start(Path.of("target", "postgres-migration"));
        passwordFile = server.passwordFile(Path.of("target", "postgres-migration.password"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected Stores openMigratedFrom(int version, Seed seed) throws Exception {
        String url = server.createDatabase("upgrade_from_" + version);
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, url);
        properties.setProperty(DataSourceFactory.JDBC_USER, PostgresServer.USER);
        properties.setProperty(DataSourceFactory.JDBC_PASSWORD, server.password());
        try (Connection connection = new PGDataSourceFactory().createDataSource(properties).getConnection()) {
            Migrations.migrate(connection, PostgresDatabase.class, version);
            try (PreparedStatement bind = connection.prepareStatement("SELECT set_config('bridgeline.tenant', ?, false)")) {
                bind.setString(1, TENANT);
                bind.executeQuery().close();
            }
            seed.run(connection);
        }
        return TestDatabases.roles(TestDatabases.open(url, passwordFile));
    }
}
