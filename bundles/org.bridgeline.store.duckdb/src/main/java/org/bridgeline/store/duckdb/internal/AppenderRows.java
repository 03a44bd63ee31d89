package org.bridgeline.store.duckdb.internal;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.bridgeline.store.jdbc.BulkRows;
import org.duckdb.DuckDBAppender;

/** Bulk rows through DuckDB's appender, which writes into the transaction a statement on its connection opened. */
final class AppenderRows implements BulkRows {

    private final DuckDBAppender appender;

    AppenderRows(DuckDBAppender appender) {
        this.appender = appender;
        // an audit run's detectors add from threads of their own, one at a time (the run's writer is
        // synchronised): the appender must not insist on the thread that first used it
        appender.unsafeBreakThreadConfinement();
    }

    @Override
    public void beginRow() throws SQLException {
        appender.beginRow();
    }

    @Override
    public void text(String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    @Override
    public void integer(Integer value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value.intValue());
        }
    }

    @Override
    public void bigint(long value) throws SQLException {
        appender.append(value);
    }

    /** A DECIMAL(18, 6) value as its unscaled 64-bit integer: the column's own representation, no conversion in the driver. */
    @Override
    public void decimal(BigDecimal value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.appendDecimal(value.unscaledValue().longValueExact());
        }
    }

    @Override
    public void date(LocalDate value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    @Override
    public void timestamp(LocalDateTime value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    @Override
    public void endRow() throws SQLException {
        appender.endRow();
    }

    @Override
    public void flush() throws SQLException {
        appender.flush();
    }

    @Override
    public void close() throws SQLException {
        appender.close();
    }
}
