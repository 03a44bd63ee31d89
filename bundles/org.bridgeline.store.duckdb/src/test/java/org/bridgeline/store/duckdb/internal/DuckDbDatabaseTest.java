package org.bridgeline.store.duckdb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.Tenants;
import org.bridgeline.store.jdbc.SqlImportStore;
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
        assertEquals(3, workerThreads(new DuckDbDatabase(folder.resolve("three.duckdb"), 3, false, Duration.ZERO)));
    }

    @Test
    void byDefaultACoreIsLeftToTheRuntimesOwnThreads() throws Exception {
        long expected = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        assertEquals(expected, workerThreads(new DuckDbDatabase(folder.resolve("default.duckdb"))));
    }

    @Test
    void theDatabaseOpensAtFirstUseNotAtStart() throws Exception {
        Path file = folder.resolve("data/lazy.duckdb");
        DuckDbDatabase database = new DuckDbDatabase(file);
        try {
            assertTrue(Files.isDirectory(file.getParent()), "the folder is made at start");
            assertFalse(Files.exists(file), "no database file before the first use");
            assertEquals("DuckDB " + file + " (opens at first use)", database.description());

            assertTrue(new SqlImportStore(database).ready(), "a readiness check opens it");
            assertTrue(Files.exists(file));
            assertEquals("DuckDB " + file + " (open)", database.description());
        } finally {
            database.close();
        }
    }

    @Test
    void askedToOpenAtStartItOpensOnAThreadOfItsOwn() throws Exception {
        Path file = folder.resolve("eager.duckdb");
        DuckDbDatabase database = new DuckDbDatabase(file, 0, true, Duration.ZERO);
        try {
            awaitState(database, "open", () -> { });
            assertEquals("DuckDB " + file + " (open)", database.description(), "open without a use");
            assertTrue(Files.exists(file));
        } finally {
            database.close();
        }
    }

    @Test
    void anUnusedDatabaseClosesAndOpensAgainAtTheNextUseWithItsData() throws Exception {
        Path file = folder.resolve("unused.duckdb");
        DuckDbDatabase database = new DuckDbDatabase(file, 0, false, Duration.ofMillis(300));
        try {
            try (Connection connection = database.connect(Tenants.DEFAULT); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kept (amount DECIMAL(18,6))");
                statement.execute("INSERT INTO kept VALUES (12.345678)");
                Thread.sleep(900); // in use all along: it stays open
                assertEquals("DuckDB " + file + " (open)", database.description());
            }
            awaitState(database, "closed while unused, opens at the next use",
                    () -> assertTrue(database.ready(), "a health probe finds it ready and does not keep it open"));
            assertEquals("DuckDB " + file + " (closed while unused, opens at the next use)", database.description());
            assertTrue(database.ready());
            assertEquals("DuckDB " + file + " (closed while unused, opens at the next use)", database.description(),
                    "a probe does not open it again");

            try (Connection connection = database.connect(Tenants.DEFAULT); Statement statement = connection.createStatement();
                    ResultSet kept = statement.executeQuery("SELECT amount FROM kept")) {
                assertTrue(kept.next());
                assertEquals("12.345678", kept.getBigDecimal(1).toPlainString());
            }
            assertEquals("DuckDB " + file + " (open)", database.description());
        } finally {
            database.close();
        }
    }

    @Test
    void aFileThatIsNotADuckDbDatabaseIsNamedAtStartAndAtEachUse() throws Exception {
        Path file = folder.resolve("bills.duckdb");
        Files.writeString(file, "invoice,amount\nINV-1,12.50\n", StandardCharsets.US_ASCII);
        DuckDbDatabase database = new DuckDbDatabase(file);
        try {
            String reason = file + " is not a DuckDB database (its header has no \"DUCK\" at byte 8)";
            assertEquals("DuckDB " + file + " (cannot open: " + reason + ")", database.description());
            assertFalse(new SqlImportStore(database).ready());
            StoreException refused = assertThrows(StoreException.class, () -> database.connect(Tenants.DEFAULT));
            assertEquals("the database at " + file + " cannot be opened: " + reason, refused.getMessage());
            assertEquals("invoice,amount\nINV-1,12.50\n", Files.readString(file), "the file is left as it was");
        } finally {
            database.close();
        }
    }

    @Test
    void aFailedOpenIsTriedAgainAtTheNextUse() throws Exception {
        Path file = folder.resolve("later.duckdb");
        Files.writeString(file, "not yet a database, long enough for a header");
        DuckDbDatabase database = new DuckDbDatabase(file);
        try {
            assertFalse(new SqlImportStore(database).ready());
            Files.delete(file); // the operator moves the wrong file away: the next use creates the database
            assertTrue(new SqlImportStore(database).ready());
            assertEquals("DuckDB " + file + " (open)", database.description());
        } finally {
            database.close();
        }
    }

    @Test
    void aClosedDatabaseRefusesUseAndDoesNotOpen() throws Exception {
        Path file = folder.resolve("closed.duckdb");
        DuckDbDatabase database = new DuckDbDatabase(file);
        database.close();
        StoreException refused = assertThrows(StoreException.class, () -> database.connect(Tenants.DEFAULT));
        assertEquals("the database at " + file + " is closed: the store is stopping", refused.getMessage());
        assertFalse(Files.exists(file));
    }

    /** Waits up to 30 s for the database's state in its description, running {@code meanwhile} at each look. */
    private static void awaitState(DuckDbDatabase database, String state, Runnable meanwhile) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!database.description().endsWith("(" + state + ")") && System.nanoTime() < deadline) {
            meanwhile.run();
            Thread.sleep(20);
        }
    }
}
