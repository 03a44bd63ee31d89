package org.bridgeline.store.duckdb.internal;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Period;
import org.bridgeline.store.StoreException;
import org.duckdb.DuckDBAppender;

/**
 * Appends a charge line's columns, carrier to destination, in the order bl_charge_line and
 * bl_finding_line both declare them (destination arrived last, with V6): the one place a line becomes a row.
 */
final class LineColumns {

    private LineColumns() {
    }

    /** Appends a whole row: the tenant, the owner (invoice or finding), the line's number under it, then the line. */
    static void appendRow(DuckDBAppender appender, String tenant, long ownerId, long lineNo, ChargeLine line)
            throws SQLException, StoreException {
        appender.beginRow();
        appender.append(tenant);
        appender.append(ownerId);
        appender.append(lineNo);
        append(appender, line);
        appender.endRow();
    }

    /** Appends the line's columns to the open row; amounts that are not exact at six decimals are refused, never rounded. */
    private static void append(DuckDBAppender appender, ChargeLine line) throws SQLException, StoreException {
        BigDecimal amount = Decimals.exact(line.amount().amount(), "amount", line.source());
        BigDecimal unitPrice = Decimals.exact(line.unitPrice() == null ? null : line.unitPrice().amount(), "unit price", line.source());
        BigDecimal quantity = Decimals.exact(line.quantity(), "quantity", line.source());
        BigDecimal bandwidth = Decimals.exact(line.bandwidthMbps(), "bandwidth", line.source());
        BigDecimal usage = Decimals.exact(line.usageQuantity(), "usage quantity", line.source());
        appender.append(line.carrier());
        appender.append(line.account());
        text(appender, line.subAccount());
        appender.append(line.invoiceNumber());
        appender.append(line.invoiceDate());
        date(appender, line.billingPeriod() == null ? null : line.billingPeriod().start());
        date(appender, line.billingPeriod() == null ? null : line.billingPeriod().end());
        text(appender, line.serviceId());
        text(appender, line.site());
        appender.append(line.serviceType().name());
        appender.append(line.category().name());
        text(appender, line.chargeCode());
        text(appender, line.description());
        decimal(appender, quantity);
        text(appender, line.unit());
        decimal(appender, unitPrice);
        decimal(appender, amount);
        appender.append(line.amount().currency().getCurrencyCode());
        Period charged = line.chargePeriod();
        date(appender, charged == null ? null : charged.start());
        date(appender, charged == null ? null : charged.end());
        decimal(appender, bandwidth);
        decimal(appender, usage);
        text(appender, line.usageUnit());
        text(appender, line.taxType());
        text(appender, line.taxJurisdiction());
        appender.append(line.source().file());
        appender.append(line.source().record());
        appender.append(line.source().line());
        text(appender, line.destination());
    }

    static void text(DuckDBAppender appender, String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    /** A DECIMAL(18, 6) value as its unscaled 64-bit integer: the column's own representation, no conversion in the driver. */
    static void decimal(DuckDBAppender appender, BigDecimal exact) throws SQLException {
        if (exact == null) {
            appender.appendNull();
        } else {
            appender.appendDecimal(exact.unscaledValue().longValueExact());
        }
    }

    static void date(DuckDBAppender appender, LocalDate value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }
}
