package org.bridgeline.store.duckdb.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A table's staging file on one connection and the statement that reads it into the table, prepared once: binding
 * DuckDB's CSV reader to a wide table costs milliseconds, a noticeable share of storing an invoice when it is paid
 * for each one. The statement reads the file as it is when executed, so the file is rewritten for every batch.
 */
final class StagedInsert implements AutoCloseable {

    private final Connection connection;
    private final String sql;
    private final Path file;
    private PreparedStatement statement;
    private boolean inUse;

    /**
     * @param columns the table's columns in order, each as {@code name} and its SQL type
     * @param leading how many of the first columns are given as parameters, the same for every row of a batch
     */
    StagedInsert(Connection connection, String table, List<String[]> columns, int leading, Path folder) throws SQLException {
        this.connection = connection;
        try {
            Files.createDirectories(folder);
            this.file = Files.createTempFile(folder, table + "-", ".tsv");
        } catch (IOException e) {
            throw new SQLException("cannot stage rows for " + table + " in " + folder + ": " + e.getMessage(), e);
        }
        StringBuilder given = new StringBuilder();
        for (int i = 0; i < leading; i++) {
            given.append("CAST(? AS ").append(columns.get(i)[1]).append("), ");
        }
        StringBuilder types = new StringBuilder();
        for (String[] column : columns.subList(leading, columns.size())) {
            types.append(types.isEmpty() ? "" : ", ").append('\'').append(column[0]).append("': '").append(column[1]).append('\'');
        }
        this.sql = "INSERT INTO " + table + " SELECT " + given + "* FROM read_csv('" + file.toString().replace("'", "''")
                + "', delim = '\\t', quote = '\"', escape = '\"', header = false, nullstr = '', allow_quoted_nulls = false, "
                + "auto_detect = false, columns = {" + types + "})";
    }

    Path file() {
        return file;
    }

    /** The insert, prepared on first use. */
    PreparedStatement statement() throws SQLException {
        if (statement == null) {
            statement = connection.prepareStatement(sql);
        }
        return statement;
    }

    /** Takes the insert for one writer of rows; false while another writer on the same connection has it. */
    boolean claim() {
        if (inUse) {
            return false;
        }
        inUse = true;
        return true;
    }

    /** Gives the insert back, its file emptied: a staged invoice of a million lines must not sit on the disk. */
    void release() throws IOException {
        inUse = false;
        Files.write(file, new byte[0]);
    }

    @Override
    public void close() throws SQLException {
        try {
            if (statement != null) {
                statement.close();
            }
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new SQLException("cannot remove the staging file " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
