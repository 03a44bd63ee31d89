package org.bridgeline.store.duckdb.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedRowsTest {

    private static final List<String[]> COLUMNS = List.of(new String[] {"label", "VARCHAR"}, new String[] {"n", "INTEGER"},
            new String[] {"big", "BIGINT"}, new String[] {"amount", "DECIMAL(18, 6)"}, new String[] {"day", "DATE"},
            new String[] {"stamped", "TIMESTAMP"});

    @TempDir
    Path folder;
    Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = new DuckDBDriver().connect("jdbc:duckdb:" + folder.resolve("staged.duckdb"), new Properties());
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (label VARCHAR, n INTEGER, big BIGINT, amount DECIMAL(18, 6), day DATE, stamped TIMESTAMP)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private void row(StagedRows rows, String label, Integer n, long big, String amount, LocalDate day, LocalDateTime at)
            throws SQLException {
        rows.beginRow();
        rows.text(label);
        rows.integer(n);
        rows.bigint(big);
        rows.decimal(amount == null ? null : new BigDecimal(amount));
        rows.date(day);
        rows.timestamp(at);
        rows.endRow();
    }

    private List<String> labels() throws SQLException {
        List<String> labels = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet read = statement.executeQuery("SELECT label FROM t ORDER BY big")) {
            while (read.next()) {
                labels.add(read.getString(1));
            }
        }
        return labels;
    }

    @Test
    void textsReadBackAsWrittenWhateverTheyHold() throws SQLException {
        String[] texts = {"plain", "", null, "tab\there", "quote\"d \"\"twice\"", "line\nbreak", "carriage\rreturn", "\"", "\t",
            "café", "emoji \uD83D\uDCDE and \"quote\"", "back\\slash", "NULL", "semi;colon,comma", "  spaced  "};
        try (StagedRows rows = new StagedRows(connection, "t", COLUMNS, List.of(), folder.resolve("staging"))) {
            for (int i = 0; i < texts.length; i++) {
                row(rows, texts[i], i, i, "1", null, null);
            }
            rows.flush();
        }
        assertArrayEquals(texts, labels().toArray(String[]::new));
    }

    @Test
    void numbersDaysAndTimesKeepTheirExactValue() throws SQLException {
        LocalDate day = LocalDate.of(2026, 2, 28);
        LocalDateTime at = LocalDateTime.of(2026, 12, 6, 14, 5, 9);
        try (StagedRows rows = new StagedRows(connection, "t", COLUMNS, List.of(), folder.resolve("staging"))) {
            row(rows, "a", Integer.MIN_VALUE, Long.MIN_VALUE, "-999999999999.999999", day, at);
            row(rows, "b", 0, 0, "0.000001", day, null);
            row(rows, "c", Integer.MAX_VALUE, Long.MAX_VALUE, "1538.84", LocalDate.of(1999, 12, 31), at);
            row(rows, "d", null, -1, null, null, null);
            rows.flush();
        }
        try (Statement statement = connection.createStatement();
                ResultSet read = statement.executeQuery("SELECT n, big, amount, day, stamped FROM t ORDER BY label")) {
            read.next();
            assertEquals(Integer.MIN_VALUE, read.getInt(1));
            assertEquals(Long.MIN_VALUE, read.getLong(2));
            assertEquals(new BigDecimal("-999999999999.999999"), read.getBigDecimal(3));
            assertEquals(day, read.getObject(4, LocalDate.class));
            assertEquals(at, read.getObject(5, LocalDateTime.class));
            read.next();
            assertEquals(0, read.getInt(1));
            assertEquals(new BigDecimal("0.000001"), read.getBigDecimal(3));
            read.next();
            assertEquals(Long.MAX_VALUE, read.getLong(2));
            assertEquals(new BigDecimal("1538.840000"), read.getBigDecimal(3));
            assertEquals(LocalDate.of(1999, 12, 31), read.getObject(4, LocalDate.class));
            read.next();
            assertNull(read.getObject(1));
            assertEquals(-1, read.getLong(2));
            assertNull(read.getObject(3));
            assertNull(read.getObject(4));
            assertFalse(read.next());
        }
    }

    @Test
    void rowsLargerThanTheBufferAndBatchesAfterAFlushAreKept() throws Exception {
        String wide = "x".repeat(200_000) + "é";
        try (StagedRows rows = new StagedRows(connection, "t", COLUMNS, List.of(), folder.resolve("staging"))) {
            for (int i = 0; i < 5_000; i++) {
                row(rows, "row " + i, i, i, "2.5", LocalDate.of(2026, 1, 1 + i % 28), null);
            }
            rows.flush();
            row(rows, wide, 0, 5_000, "1", null, null);
            rows.flush();
            rows.flush(); // nothing staged: nothing inserted twice
        }
        List<String> labels = labels();
        assertEquals(5_001, labels.size());
        assertEquals("row 4999", labels.get(4_999));
        assertEquals(wide, labels.get(5_000));
        try (var left = Files.list(folder.resolve("staging"))) {
            assertEquals(0, left.count(), "the staging file is removed on close");
        }
    }
}
