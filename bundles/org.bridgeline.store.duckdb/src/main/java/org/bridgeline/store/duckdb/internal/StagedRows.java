package org.bridgeline.store.duckdb.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bridgeline.store.jdbc.BulkRows;

/**
 * Bulk rows staged as tab-separated text in a file of their own and read by DuckDB's CSV reader into
 * the table on {@link #flush()}, in the transaction open on the connection. Wide rows of many text
 * columns cost DuckDB's appender a native call per value and a flush per 2,048 rows; its CSV reader
 * parses the same rows several times faster. Values keep their exact text: a decimal as its plain
 * digits, so the column reads it at its own scale without rounding. An unquoted empty field is
 * NULL, a quoted one the empty string.
 */
final class StagedRows implements BulkRows {

    private final Connection connection;
    private final String insert;
    private final Path file;
    private final Map<LocalDate, String> days = new HashMap<>();
    private BufferedWriter out;
    private boolean rowStarted;
    private boolean firstValue;
    private long staged;

    /**
     * @param columns the table's columns in order, each as {@code name} and its SQL type
     * @param folder  where the staging file is written (and deleted on close)
     */
    StagedRows(Connection connection, String table, List<String[]> columns, Path folder) throws SQLException {
        this.connection = connection;
        try {
            Files.createDirectories(folder);
            this.file = Files.createTempFile(folder, table + "-", ".tsv");
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SQLException("cannot stage rows for " + table + " in " + folder + ": " + e.getMessage(), e);
        }
        StringBuilder types = new StringBuilder();
        for (String[] column : columns) {
            types.append(types.isEmpty() ? "" : ", ").append('\'').append(column[0]).append("': '").append(column[1]).append('\'');
        }
        this.insert = "INSERT INTO " + table + " SELECT * FROM read_csv('" + file.toString().replace("'", "''")
                + "', delim = '\\t', quote = '\"', escape = '\"', header = false, nullstr = '', allow_quoted_nulls = false, "
                + "auto_detect = false, columns = {" + types + "})";
    }

    @Override
    public void beginRow() {
        rowStarted = true;
        firstValue = true;
    }

    private BufferedWriter next() throws SQLException {
        if (!rowStarted) {
            throw new SQLException("a value outside a row: beginRow first");
        }
        try {
            if (!firstValue) {
                out.write('\t');
            }
        } catch (IOException e) {
            throw failure(e);
        }
        firstValue = false;
        return out;
    }

    @Override
    public void text(String value) throws SQLException {
        BufferedWriter writer = next();
        if (value == null) {
            return;
        }
        try {
            if (plain(value)) {
                writer.write(value);
            } else {
                writer.write('"');
                writer.write(value.replace("\"", "\"\""));
                writer.write('"');
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Whether the text reads back as itself unquoted: not empty (which is NULL) and free of the tab, quote and line breaks. */
    private static boolean plain(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '"' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void integer(Integer value) throws SQLException {
        raw(value == null ? null : value.toString());
    }

    @Override
    public void bigint(long value) throws SQLException {
        raw(Long.toString(value));
    }

    @Override
    public void decimal(BigDecimal value) throws SQLException {
        raw(value == null ? null : value.toPlainString());
    }

    @Override
    public void date(LocalDate value) throws SQLException {
        // an invoice's lines share a handful of days: each is formatted once
        raw(value == null ? null : days.computeIfAbsent(value, LocalDate::toString));
    }

    @Override
    public void timestamp(LocalDateTime value) throws SQLException {
        raw(value == null ? null : value.toString().replace('T', ' '));
    }

    private void raw(String text) throws SQLException {
        BufferedWriter writer = next();
        if (text != null) {
            try {
                writer.write(text);
            } catch (IOException e) {
                throw failure(e);
            }
        }
    }

    @Override
    public void endRow() throws SQLException {
        if (!rowStarted) {
            throw new SQLException("endRow without beginRow");
        }
        try {
            out.write('\n');
        } catch (IOException e) {
            throw failure(e);
        }
        rowStarted = false;
        staged++;
    }

    @Override
    public void flush() throws SQLException {
        if (staged == 0) {
            return;
        }
        try {
            out.close();
            try (Statement statement = connection.createStatement()) {
                statement.execute(insert);
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8); // truncated: the next rows start a new batch
            staged = 0;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private SQLException failure(IOException e) {
        return new SQLException("cannot stage rows in " + file + ": " + e.getMessage(), e);
    }
}
