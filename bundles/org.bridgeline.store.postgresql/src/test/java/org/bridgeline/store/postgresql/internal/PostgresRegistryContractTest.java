package org.bridgeline.store.postgresql.internal;

import java.nio.file.Path;
import org.bridgeline.store.testkit.PostgresServer;
import org.bridgeline.store.testkit.RegistryContract;
import org.bridgeline.store.testkit.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The registry contract on a real PostgreSQL server started for this class: a fresh database per test. */
class PostgresRegistryContractTest extends RegistryContract {

    static PostgresServer server;
    static Path passwordFile;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.start(Path.of("target", "postgres-registry"));
        passwordFile = server.passwordFile(Path.of("target", "postgres-registry.password"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected Stores open() throws Exception {
        return TestDatabases.roles(TestDatabases.open(server, passwordFile));
    }
}
