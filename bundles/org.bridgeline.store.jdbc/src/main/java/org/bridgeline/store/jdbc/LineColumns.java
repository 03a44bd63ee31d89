package org.bridgeline.store.jdbc;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Period;
import org.bridgeline.store.StoreException;

/**
 * Appends a charge line's columns, carrier to destination, in the order bl_charge_line and
 * bl_finding_line both declare them (destination arrived last, with V6): the one place a line becomes a row.
 */
final class LineColumns {

    private LineColumns() {
    }

    /** Appends a whole row: the tenant, the owner (invoice or finding), the line's number under it, then the line. */
    static void appendRow(BulkRows rows, String tenant, long ownerId, long lineNo, ChargeLine line)
            throws SQLException, StoreException {
        rows.beginRow();
        rows.text(tenant);
        rows.bigint(ownerId);
        rows.bigint(lineNo);
        append(rows, line);
        rows.endRow();
    }

    /** Appends the line's columns to the open row; amounts that are not exact at six decimals are refused, never rounded. */
    private static void append(BulkRows rows, ChargeLine line) throws SQLException, StoreException {
        BigDecimal amount = Decimals.exact(line.amount().amount(), "amount", line.source());
        BigDecimal unitPrice = Decimals.exact(line.unitPrice() == null ? null : line.unitPrice().amount(), "unit price", line.source());
        BigDecimal quantity = Decimals.exact(line.quantity(), "quantity", line.source());
        BigDecimal bandwidth = Decimals.exact(line.bandwidthMbps(), "bandwidth", line.source());
        BigDecimal usage = Decimals.exact(line.usageQuantity(), "usage quantity", line.source());
        rows.text(line.carrier());
        rows.text(line.account());
        rows.text(line.subAccount());
        rows.text(line.invoiceNumber());
        rows.date(line.invoiceDate());
        rows.date(line.billingPeriod() == null ? null : line.billingPeriod().start());
        rows.date(line.billingPeriod() == null ? null : line.billingPeriod().end());
        rows.text(line.serviceId());
        rows.text(line.site());
        rows.text(line.serviceType().name());
        rows.text(line.category().name());
        rows.text(line.chargeCode());
        rows.text(line.description());
        rows.decimal(quantity);
        rows.text(line.unit());
        rows.decimal(unitPrice);
        rows.decimal(amount);
        rows.text(line.amount().currency().getCurrencyCode());
        Period charged = line.chargePeriod();
        rows.date(charged == null ? null : charged.start());
        rows.date(charged == null ? null : charged.end());
        rows.decimal(bandwidth);
        rows.decimal(usage);
        rows.text(line.usageUnit());
        rows.text(line.taxType());
        rows.text(line.taxJurisdiction());
        rows.text(line.source().file());
        rows.bigint(line.source().record());
        rows.bigint(line.source().line());
        rows.text(line.destination());
    }
}
