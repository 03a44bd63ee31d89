package org.bridgeline.store.duckdb.internal;

import java.io.IOException;
import java.io.OutputStream;
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
 * NULL, a quoted one the empty string. Rows are encoded straight into a byte buffer (ASCII, the
 * usual case, a byte a character without an encoder), then written to the file a buffer at a time.
 */
final class StagedRows implements BulkRows {

    private static final int BUFFER = 1 << 16;

    private final Connection connection;
    private final String insert;
    private final Path file;
    /** Each day's text, formatted once: an invoice's lines share a handful of days. */
    private final Map<LocalDate, byte[]> days = new HashMap<>();
    private LocalDate lastDay;
    private byte[] lastDayText;
    private OutputStream out;
    private byte[] buffer = new byte[BUFFER];
    private int used;
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
            this.out = Files.newOutputStream(file);
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

    /** Starts the next value of the row: the separator, unless it is the row's first. */
    private void next() throws SQLException {
        if (!rowStarted) {
            throw new SQLException("a value outside a row: beginRow first");
        }
        if (!firstValue) {
            room(1);
            buffer[used++] = '\t';
        }
        firstValue = false;
    }

    /** Makes room for {@code bytes} more in the buffer, writing out what it holds when full. */
    private void room(int bytes) throws SQLException {
        if (used + bytes <= buffer.length) {
            return;
        }
        drain();
        if (bytes > buffer.length) {
            buffer = new byte[Math.max(bytes, buffer.length * 2)];
        }
    }

    private void drain() throws SQLException {
        try {
            out.write(buffer, 0, used);
        } catch (IOException e) {
            throw failure(e);
        }
        used = 0;
    }

    @Override
    public void text(String value) throws SQLException {
        next();
        if (value == null) {
            return;
        }
        int length = value.length();
        boolean plain = length > 0;
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                ascii = false;
            } else if (c == '\t' || c == '"' || c == '\n' || c == '\r') {
                plain = false;
            }
        }
        if (plain && ascii) {
            room(length);
            for (int i = 0; i < length; i++) {
                buffer[used++] = (byte) value.charAt(i);
            }
        } else if (plain) {
            bytes(value.getBytes(StandardCharsets.UTF_8));
        } else {
            // quoted: the empty string (an unquoted empty field is NULL), or text holding a separator, quote or line break
            bytes(('"' + value.replace("\"", "\"\"") + '"').getBytes(StandardCharsets.UTF_8));
        }
    }

    private void bytes(byte[] bytes) throws SQLException {
        room(bytes.length);
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
    }

    /** Text known to be ASCII and free of separators: numbers, days. */
    private void ascii(String text) throws SQLException {
        int length = text.length();
        room(length);
        for (int i = 0; i < length; i++) {
            buffer[used++] = (byte) text.charAt(i);
        }
    }

    @Override
    public void integer(Integer value) throws SQLException {
        next();
        if (value != null) {
            digits(value);
        }
    }

    @Override
    public void bigint(long value) throws SQLException {
        next();
        digits(value);
    }

    /** A whole number's decimal digits, written without a string in between. */
    private void digits(long value) throws SQLException {
        if (value == Long.MIN_VALUE) {
            ascii(Long.toString(value));
            return;
        }
        room(20);
        if (value < 0) {
            buffer[used++] = '-';
            value = -value;
        }
        int end = used + digitCount(value);
        int at = end;
        do {
            buffer[--at] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        used = end;
    }

    private static int digitCount(long value) {
        int count = 1;
        while (value >= 10) {
            value /= 10;
            count++;
        }
        return count;
    }

    @Override
    public void decimal(BigDecimal value) throws SQLException {
        next();
        if (value != null) {
            ascii(value.toPlainString());
        }
    }

    @Override
    public void date(LocalDate value) throws SQLException {
        next();
        if (value == null) {
            return;
        }
        if (!value.equals(lastDay)) {
            lastDay = value;
            lastDayText = days.computeIfAbsent(value, day -> day.toString().getBytes(StandardCharsets.US_ASCII));
        }
        bytes(lastDayText);
    }

    @Override
    public void timestamp(LocalDateTime value) throws SQLException {
        next();
        if (value != null) {
            ascii(value.toString().replace('T', ' '));
        }
    }

    @Override
    public void endRow() throws SQLException {
        if (!rowStarted) {
            throw new SQLException("endRow without beginRow");
        }
        room(1);
        buffer[used++] = '\n';
        rowStarted = false;
        staged++;
    }

    @Override
    public void flush() throws SQLException {
        if (staged == 0) {
            return;
        }
        try {
            drain();
            out.close();
            try (Statement statement = connection.createStatement()) {
                statement.execute(insert);
            }
            out = Files.newOutputStream(file); // truncated: the next rows start a new batch
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
