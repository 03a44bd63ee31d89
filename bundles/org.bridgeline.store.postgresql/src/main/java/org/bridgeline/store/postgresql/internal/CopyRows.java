package org.bridgeline.store.postgresql.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.bridgeline.store.jdbc.BulkRows;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Bulk rows through {@code COPY ... FROM STDIN} in PostgreSQL's text format. PostgreSQL refuses
 * COPY FROM into a table under row-level security, so rows are copied into a temporary table of
 * the same shape (session-local, never logged) and moved into the table with one
 * {@code INSERT ... SELECT} on flush, where the tenant policy checks every row. Rows stream to the
 * server in 64 KB pieces while the next are encoded, so the server parses while the caller works.
 * A connection carries one COPY at a time: when a second writer on it (a finding's evidence beside
 * the findings) sends, the first writer's COPY ends, to open again on its next piece.
 */
final class CopyRows implements BulkRows {

    private static final int PIECE_BYTES = 1 << 16;
    /** The writer whose COPY is open on each connection. */
    private static final Map<Connection, CopyRows> COPYING = Collections.synchronizedMap(new WeakHashMap<>());

    private final Connection connection;
    private final CopyManager copy;
    private final String table;
    private final String stage;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(PIECE_BYTES + 4096);
    private CopyIn in;
    private final StringBuilder row = new StringBuilder(512);
    private boolean firstValue;
    private boolean staged;

    CopyRows(Connection connection, String table) throws SQLException {
        if (!table.matches("[a-z_]+")) {
            throw new SQLException("not a table name: " + table);
        }
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.table = table;
        this.stage = "bl_stage_" + table.substring(table.startsWith("bl_") ? 3 : 0);
        try (Statement statement = connection.createStatement()) {
            // emptied at every commit and rollback: nothing staged outlives the transaction that staged it
            statement.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + stage + " (LIKE " + table + " INCLUDING DEFAULTS) "
                    + "ON COMMIT DELETE ROWS");
        }
    }

    @Override
    public void beginRow() {
        row.setLength(0);
        firstValue = true;
    }

    private StringBuilder next() {
        if (!firstValue) {
            row.append('\t');
        }
        firstValue = false;
        return row;
    }

    private void nothing() {
        next().append("\\N");
    }

    @Override
    public void text(String value) {
        if (value == null) {
            nothing();
            return;
        }
        StringBuilder out = next();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    @Override
    public void integer(Integer value) {
        if (value == null) {
            nothing();
        } else {
            next().append(value.intValue());
        }
    }

    @Override
    public void bigint(long value) {
        next().append(value);
    }

    @Override
    public void decimal(BigDecimal value) {
        if (value == null) {
            nothing();
        } else {
            next().append(value.toPlainString());
        }
    }

    @Override
    public void date(LocalDate value) {
        if (value == null) {
            nothing();
        } else {
            next().append(value);
        }
    }

    @Override
    public void timestamp(LocalDateTime value) {
        if (value == null) {
            nothing();
        } else {
            next().append(value);
        }
    }

    @Override
    public void endRow() throws SQLException {
        row.append('\n');
        byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
        buffer.write(bytes, 0, bytes.length);
        if (buffer.size() >= PIECE_BYTES) {
            send();
        }
    }

    private void send() throws SQLException {
        if (buffer.size() == 0) {
            return;
        }
        if (in == null) {
            CopyRows other = COPYING.get(connection);
            if (other != null && other != this) {
                other.endCopy();
            }
            in = copy.copyIn("COPY " + stage + " FROM STDIN");
            COPYING.put(connection, this);
        }
        byte[] piece = buffer.toByteArray();
        buffer.reset();
        in.writeToCopy(piece, 0, piece.length);
        staged = true;
    }

    private void endCopy() throws SQLException {
        if (in != null) {
            CopyIn open = in;
            in = null;
            COPYING.remove(connection, this);
            open.endCopy();
        }
    }

    /** Moves what is staged into the table, under its row-level security, inside the open transaction. */
    @Override
    public void flush() throws SQLException {
        send();
        endCopy();
        if (!staged) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO " + table + " SELECT * FROM " + stage);
            statement.executeUpdate("TRUNCATE " + stage);
        }
        staged = false;
    }

    /** What was never flushed is dropped with the transaction's end, which empties the stage. */
    @Override
    public void close() {
        buffer.reset();
        staged = false;
        if (in != null) {
            COPYING.remove(connection, this);
            try {
                in.cancelCopy();
            } catch (SQLException e) {
                // the transaction this COPY belonged to is rolled back with it
            }
            in = null;
        }
    }
}
