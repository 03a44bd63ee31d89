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

    private final Connection connection;
    private final String insert;
    private final List<Object> leading;
    private final Path file;
    private final StagedText text = new StagedText();
    private OutputStream out;
    private PreparedStatement inserting;
    private long staged;

    /**
     * @param columns the table's columns in order, each as {@code name} and its SQL type
     * @param leading the values of the table's first columns in every row; the rows give the columns after them
     * @param folder  where the staging file is written (and deleted on close)
     */
    StagedRows(Connection connection, String table, List<String[]> columns, List<Object> leading, Path folder) throws SQLException {
        this.connection = connection;
        this.leading = List.copyOf(leading);
        try {
            Files.createDirectories(folder);
            this.file = Files.createTempFile(folder, table + "-", ".tsv");
            this.out = Files.newOutputStream(file);
        } catch (IOException e) {
            throw new SQLException("cannot stage rows for " + table + " in " + folder + ": " + e.getMessage(), e);
        }
        StringBuilder given = new StringBuilder();
        for (int i = 0; i < leading.size(); i++) {
            given.append("CAST(? AS ").append(columns.get(i)[1]).append("), ");
        }
        StringBuilder types = new StringBuilder();
        for (String[] column : columns.subList(leading.size(), columns.size())) {
            types.append(types.isEmpty() ? "" : ", ").append('\'').append(column[0]).append("': '").append(column[1]).append('\'');
        }
        this.insert = "INSERT INTO " + table + " SELECT " + given + "* FROM read_csv('" + file.toString().replace("'", "''")
                + "', delim = '\\t', quote = '\"', escape = '\"', header = false, nullstr = '', allow_quoted_nulls = false, "
                + "auto_detect = false, columns = {" + types + "})";
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
            if (inserting == null) {
                inserting = connection.prepareStatement(insert);
                for (int i = 0; i < leading.size(); i++) {
                    inserting.setObject(i + 1, leading.get(i));
                }
            }
            inserting.execute();
            out = Files.newOutputStream(file); // truncated: the next rows start a new batch
            staged = 0;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            if (inserting != null) {
                inserting.close();
            }
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
