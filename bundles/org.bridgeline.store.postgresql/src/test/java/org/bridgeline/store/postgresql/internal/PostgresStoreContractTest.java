package org.bridgeline.store.postgresql.internal;

import java.nio.file.Path;
import org.bridgeline.store.testkit.PostgresServer;
import org.bridgeline.store.testkit.StoreContract;
import org.bridgeline.store.testkit.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The store contract on a real PostgreSQL server started for this class: a fresh database per test. */
class PostgresStoreContractTest extends StoreContract {

    static PostgresServer server;
    static Path passwordFile;

    @BeforeAll
    static void startServer() throws Exception {
        Path folder = Path.of("target", "postgres-contract");
        server = PostgresServer.start(folder);
        passwordFile = server.passwordFile(Path.of("target", "postgres-contract.password"));
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
