package org.bridgeline.store.duckdb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.bridgeline.store.Tenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbDatabaseTest {

    @TempDir
    Path folder;

    private static long workerThreads(DuckDbDatabase database) throws Exception {
        try (Connection connection = database.connect(Tenants.DEFAULT); Statement statement = connection.createStatement();
                ResultSet threads = statement.executeQuery("SELECT current_setting('threads')")) {
            threads.next();
            return threads.getLong(1);
        } finally {
            database.close();
        }
    }

    @Test
    void theConfiguredWorkerThreadsAreDuckDbs() throws Exception {
        assertEquals(3, workerThreads(new DuckDbDatabase(folder.resolve("three.duckdb"), 3)));
    }

    @Test
    void byDefaultACoreIsLeftToTheRuntimesOwnThreads() throws Exception {
        long expected = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        assertEquals(expected, workerThreads(new DuckDbDatabase(folder.resolve("default.duckdb"))));
    }
}
