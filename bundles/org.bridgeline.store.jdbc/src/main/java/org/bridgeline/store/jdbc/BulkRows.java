package org.bridgeline.store.jdbc;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Rows written in bulk to one table, value by value in the table's column order: DuckDB's
 * appender, PostgreSQL's COPY. What is appended becomes visible with the transaction it was
 * written in; a null value is a SQL NULL. Calls may come from more than one thread, one at a time.
 */
@ConsumerType
public interface BulkRows extends AutoCloseable {

    void beginRow() throws SQLException;

    void text(String value) throws SQLException;

    /** An INTEGER column. */
    void integer(Integer value) throws SQLException;

    /** A BIGINT column. */
    void bigint(long value) throws SQLException;

    /** A DECIMAL(18, 6) column; the value is already exact at scale 6 ({@link Decimals#exact}). */
    void decimal(BigDecimal value) throws SQLException;

    void date(LocalDate value) throws SQLException;

    void timestamp(LocalDateTime value) throws SQLException;

    void endRow() throws SQLException;

    /** Writes what is buffered into the transaction. */
    void flush() throws SQLException;

    @Override
    void close() throws SQLException;
}
