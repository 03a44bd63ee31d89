package org.bridgeline.store.jdbc;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.osgi.annotation.versioning.ConsumerType;

/** A table's rows given value by value in its column order; a null value is a SQL NULL. */
@ConsumerType
public interface RowValues {

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
}
