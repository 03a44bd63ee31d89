package org.bridgeline.store.duckdb.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.bridgeline.store.jdbc.EncodedRows;
import org.bridgeline.store.jdbc.RowEncoder;

/**
 * Rows as DuckDB's CSV reader reads them back ({@link StagedRows}): tab-separated, a row a line.
 * Values keep their exact text: a decimal as its plain digits, so the column reads it at its own
 * scale without rounding. An unquoted empty field is NULL, a quoted one the empty string. Encoded
 * straight into bytes (ASCII, the usual case, a byte a character without an encoder), apart from
 * any connection.
 */
final class StagedText implements RowEncoder {

    private static final int INITIAL = 1 << 16;

    /** Each day's text, formatted once: an invoice's lines share a handful of days. */
    private final Map<LocalDate, byte[]> days = new HashMap<>();
    private LocalDate lastDay;
    private byte[] lastDayText;
    private byte[] buffer = new byte[INITIAL];
    private int used;
    private long rows;
    private boolean rowStarted;
    private boolean firstValue;

    /** Bytes encoded and not yet taken or written out. */
    int size() {
        return used;
    }

    /** Rows encoded and not yet taken or written out. */
    long rows() {
        return rows;
    }

    /** Whether a row is begun and not yet ended. */
    boolean inRow() {
        return rowStarted;
    }

    @Override
    public EncodedRows take() {
        EncodedRows taken = new EncodedRows(Arrays.copyOf(buffer, used), rows);
        used = 0;
        rows = 0;
        return taken;
    }

    /** Writes the rows ended so far to {@code out} and forgets them. */
    void writeTo(OutputStream out) throws IOException {
        out.write(buffer, 0, used);
        used = 0;
        rows = 0;
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

    private void room(int bytes) {
        if (used + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(used + bytes, buffer.length * 2));
        }
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
            ascii(value);
        } else if (plain) {
            bytes(value.getBytes(StandardCharsets.UTF_8));
        } else {
            // quoted: the empty string (an unquoted empty field is NULL), or text holding a separator, quote or line break
            bytes(('"' + value.replace("\"", "\"\"") + '"').getBytes(StandardCharsets.UTF_8));
        }
    }

    private void bytes(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
    }

    /** Text known to be ASCII and free of separators. */
    private void ascii(String text) {
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
    private void digits(long value) {
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
        rows++;
    }
}
