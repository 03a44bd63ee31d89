package org.bridgeline.store.duckdb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.bridgeline.store.Tenants;
import org.bridgeline.store.jdbc.BulkRows;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionPoolTest {

    @TempDir
    Path folder;
    DuckDbDatabase database;

    @BeforeEach
    void open() throws Exception {
        database = new DuckDbDatabase(folder.resolve("pool.duckdb"));
        try (Connection connection = database.connect(Tenants.DEFAULT); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (k BIGINT, label VARCHAR, amount DECIMAL(18, 6))");
        }
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void thePoolDrainsOnlyWhenNothingIsOutAndHoldsBorrowersUntilResumed() throws Exception {
        DuckDBConnection base = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        ConnectionPool pool = new ConnectionPool(base::duplicate, folder.resolve("staging"), 8);
        try {
            Connection out = pool.borrow();
            assertFalse(pool.drainIfUnusedFor(Duration.ZERO), "not while a connection is out");
            out.close();
            assertFalse(pool.drainIfUnusedFor(Duration.ofMinutes(1)), "not before it was unused that long");
            assertTrue(pool.drainIfUnusedFor(Duration.ZERO));

            CompletableFuture<Connection> borrower = CompletableFuture.supplyAsync(() -> {
                try {
                    return pool.borrow();
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            });
            Thread.sleep(300);
            assertFalse(borrower.isDone(), "a borrower waits while the database closes");
            pool.resume();
            try (Connection again = borrower.get(10, TimeUnit.SECONDS)) {
                assertFalse(again.isClosed());
                assertNotSame(ConnectionPool.duckDb(out), ConnectionPool.duckDb(again), "a new connection: the drained ones are closed");
            }
        } finally {
            pool.close();
            base.close();
        }
    }

    @Test
    void aConnectionHandedBackComesOutAgainAsANewOneWould() throws Exception {
        Connection first = database.connect(Tenants.DEFAULT);
        first.setAutoCommit(false);
        try (Statement statement = first.createStatement()) {
            statement.execute("INSERT INTO t VALUES (1, 'never committed', 1)");
        }
        first.close();
        assertTrue(first.isClosed());
        assertThrows(SQLException.class, first::createStatement, "a closed connection must not reach the pooled one");

        try (Connection second = database.connect(Tenants.DEFAULT)) {
            assertSame(ConnectionPool.duckDb(first), ConnectionPool.duckDb(second), "the same connection, handed out again");
            assertTrue(second.getAutoCommit());
            assertEquals(0, count(second, "SELECT count(*) FROM t"), "what the first unit of work left open is rolled back");
        }
    }

    /**
     * Invoices one after the other on the pooled connection share one prepared insert and one staging file, rewritten
     * for each: every invoice's rows are its own, even when the files are the same size and written in the same second.
     */
    @Test
    void eachInvoiceReadsItsOwnRowsThroughTheConnectionsPreparedInsert() throws Exception {
        Object pooled = null;
        for (long invoice = 1; invoice <= 3; invoice++) {
            try (Connection connection = database.connect(Tenants.DEFAULT)) {
                if (pooled != null) {
                    assertSame(pooled, ConnectionPool.duckDb(connection), "a committed unit of work hands its connection back");
                }
                pooled = ConnectionPool.duckDb(connection);
                connection.setAutoCommit(false);
                try (BulkRows rows = database.bulk(connection, "t", List.of(invoice))) {
                    for (int line = 0; line < 1_000; line++) {
                        rows.beginRow();
                        rows.text(String.format("inv-%d-%04d", invoice, line));
                        rows.decimal(new BigDecimal(invoice + ".25"));
                        rows.endRow();
                    }
                    rows.flush();
                }
                connection.commit();
            }
            try (var staged = Files.list(folder.resolve("staging"))) {
                List<Path> files = staged.toList();
                assertEquals(1, files.size(), "one staging file for the pooled connection: " + files);
                assertEquals(0, Files.size(files.get(0)), "emptied once the rows are in");
            }
        }
        try (Connection connection = database.connect(Tenants.DEFAULT)) {
            for (long invoice = 1; invoice <= 3; invoice++) {
                assertEquals(1_000, count(connection, "SELECT count(*) FROM t WHERE k = " + invoice + " AND label LIKE 'inv-" + invoice
                        + "-%' AND amount = " + invoice + ".25"));
            }
            assertEquals(3_000, count(connection, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void twoWritersOfOneTableOnOneConnectionEachHaveAnInsert() throws Exception {
        try (Connection connection = database.connect(Tenants.DEFAULT)) {
            connection.setAutoCommit(false);
            try (BulkRows first = database.bulk(connection, "t", List.of(1L)); BulkRows second = database.bulk(connection, "t", List.of(2L))) {
                for (BulkRows rows : List.of(first, second)) {
                    rows.beginRow();
                    rows.text(rows == first ? "first" : "second");
                    rows.decimal(BigDecimal.ONE);
                    rows.endRow();
                }
                second.flush();
                first.flush();
            }
            connection.commit();
            assertEquals(List.of("1 first", "2 second"), rows(connection, "SELECT k || ' ' || label FROM t ORDER BY k"));
        }
    }

    @Test
    void closingTheDatabaseClosesTheWaitingConnectionsAndFreesTheFile() throws Exception {
        try (Connection connection = database.connect(Tenants.DEFAULT); BulkRows rows = database.bulk(connection, "t", List.of(7L))) {
            rows.beginRow();
            rows.text("kept");
            rows.decimal(BigDecimal.TEN);
            rows.endRow();
            rows.flush();
        }
        database.close();
        try (var staged = Files.list(folder.resolve("staging"))) {
            assertEquals(0, staged.count(), "no staging file outlives the database");
        }
        database = new DuckDbDatabase(folder.resolve("pool.duckdb")); // DuckDB refuses a file another connection holds
        try (Connection connection = database.connect(Tenants.DEFAULT)) {
            assertEquals(List.of("kept"), rows(connection, "SELECT label FROM t"));
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
