package org.bridgeline.store.jdbc;

import java.sql.SQLException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Rows written in bulk to one table, value by value in the table's column order: DuckDB's
 * appender, PostgreSQL's COPY. What is appended becomes visible with the transaction it was
 * written in. Calls may come from more than one thread, one at a time.
 */
@ConsumerType
public interface BulkRows extends RowValues, AutoCloseable {

    /**
     * Appends rows its engine's {@link Database#encoder} encoded, in the order given, after those
     * appended so far; an engine that encodes no rows refuses them.
     */
    default void appendEncoded(EncodedRows rows) throws SQLException {
        throw new SQLException(getClass().getSimpleName() + " takes no encoded rows");
    }

    /** Writes what is buffered into the transaction. */
    void flush() throws SQLException;

    @Override
    void close() throws SQLException;
}
