package org.bridgeline.store.duckdb.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.bridgeline.store.jdbc.BulkRows;
import org.bridgeline.store.jdbc.EncodedRows;

/**
 * Bulk rows staged as tab-separated text ({@link StagedText}) in a file of their own and read by
 * DuckDB's CSV reader into the table on {@link #flush()}, in the transaction open on the connection.
 * Wide rows of many text columns cost DuckDB's appender a native call per value and a flush per
 * 2,048 rows; its CSV reader parses the same rows several times faster. The table's first columns
 * may be given once for every row ({@code leading}): the rows then hold the columns after them.
 */
final class StagedRows implements BulkRows {

    /** Encoded rows are written to the file once they are this many bytes. */
    private static final int WRITE_AT = 1 << 16;

    private final StagedInsert insert;
    /** Whether the insert is this writer's alone, closed with it, or a connection's, given back on close. */
    private final boolean owned;
    private final List<Object> leading;
    private final StagedText text = new StagedText();
    private OutputStream out;
    private long staged;

    /**
     * Rows through an insert of their own, on a staging file removed on close.
     *
     * @param columns the table's columns in order, each as {@code name} and its SQL type
     * @param leading the values of the table's first columns in every row; the rows give the columns after them
     * @param folder  where the staging file is written
     */
    StagedRows(Connection connection, String table, List<String[]> columns, List<Object> leading, Path folder) throws SQLException {
        this(new StagedInsert(connection, table, columns, leading.size(), folder), true, leading);
    }

    /** Rows through a connection's insert, already claimed ({@link StagedInsert#claim}); given back on close. */
    StagedRows(StagedInsert insert, List<Object> leading) throws SQLException {
        this(insert, false, leading);
    }

    private StagedRows(StagedInsert insert, boolean owned, List<Object> leading) throws SQLException {
        this.insert = insert;
        this.owned = owned;
        this.leading = List.copyOf(leading);
        try {
            this.out = Files.newOutputStream(insert.file());
        } catch (IOException e) {
            if (owned) {
                insert.close(); // its staging file goes with it
            }
            throw failure(e);
        }
    }

    @Override
    public void beginRow() {
        text.beginRow();
    }

    @Override
    public void text(String value) throws SQLException {
        text.text(value);
    }

    @Override
    public void integer(Integer value) throws SQLException {
        text.integer(value);
    }

    @Override
    public void bigint(long value) throws SQLException {
        text.bigint(value);
    }

    @Override
    public void decimal(BigDecimal value) throws SQLException {
        text.decimal(value);
    }

    @Override
    public void date(LocalDate value) throws SQLException {
        text.date(value);
    }

    @Override
    public void timestamp(LocalDateTime value) throws SQLException {
        text.timestamp(value);
    }

    @Override
    public void endRow() throws SQLException {
        text.endRow();
        if (text.size() >= WRITE_AT) {
            writeEncoded();
        }
    }

    @Override
    public void appendEncoded(EncodedRows rows) throws SQLException {
        if (text.inRow()) {
            throw new SQLException("encoded rows inside a row: endRow first");
        }
        writeEncoded();
        try {
            out.write(rows.bytes());
        } catch (IOException e) {
            throw failure(e);
        }
        staged += rows.rows();
    }

    /** Writes the rows encoded here so far to the file. */
    private void writeEncoded() throws SQLException {
        staged += text.rows();
        try {
            text.writeTo(out);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void flush() throws SQLException {
        writeEncoded();
        if (staged == 0) {
            return;
        }
        try {
            out.close();
            PreparedStatement inserting = insert.statement();
            for (int i = 0; i < leading.size(); i++) {
                inserting.setObject(i + 1, leading.get(i));
            }
            inserting.execute();
            out = Files.newOutputStream(insert.file()); // truncated: the next rows start a new batch
            staged = 0;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            out.close();
            if (owned) {
                insert.close();
            } else {
                insert.release();
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private SQLException failure(IOException e) {
        return new SQLException("cannot stage rows in " + insert.file() + ": " + e.getMessage(), e);
    }
}
