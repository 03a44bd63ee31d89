package org.bridgeline.store.jdbc;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Objects;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Period;
import org.bridgeline.store.StoreException;

/**
 * Appends a charge line's columns, carrier to destination, in the order bl_line and bl_finding_line
 * both declare them (destination arrived last, with V6): the one place a line becomes a row.
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

    /**
     * Appends a row of bl_line: an invoice's line. When its invoice-level fields are its invoice's (nearly always), they
     * are left NULL for the view bl_charge_line to read from the invoice, and the row carries only what is the line's own.
     */
    static void appendInvoiceLine(BulkRows rows, String tenant, long invoiceId, long lineNo, ChargeLine line, InvoiceHeader header)
            throws SQLException, StoreException {
        if (!inheritsInvoice(line, header)) {
            appendRow(rows, tenant, invoiceId, lineNo, line);
            return;
        }
        rows.beginRow();
        rows.text(tenant);
        rows.bigint(invoiceId);
        rows.bigint(lineNo);
        append(rows, line, false);
        rows.endRow();
    }

    /** Whether the line's carrier, account, invoice number and date, billing period, currency and file are its invoice's. */
    static boolean inheritsInvoice(ChargeLine line, InvoiceHeader header) {
        return line.carrier().equals(header.carrier()) && line.account().equals(header.account())
                && line.invoiceNumber().equals(header.number()) && line.invoiceDate().equals(header.date())
                && Objects.equals(line.billingPeriod(), header.billingPeriod()) && line.amount().currency().equals(header.currency())
                && line.source().file().equals(header.source().file());
    }

    /** Appends the line's columns to the open row; amounts that are not exact at six decimals are refused, never rounded. */
    private static void append(BulkRows rows, ChargeLine line) throws SQLException, StoreException {
        append(rows, line, true);
    }

    /** The line's columns, its invoice-level ones NULL unless {@code own}. */
    private static void append(BulkRows rows, ChargeLine line, boolean own) throws SQLException, StoreException {
        BigDecimal amount = Decimals.exact(line.amount().amount(), "amount", line.source());
        BigDecimal unitPrice = Decimals.exact(line.unitPrice() == null ? null : line.unitPrice().amount(), "unit price", line.source());
        BigDecimal quantity = Decimals.exact(line.quantity(), "quantity", line.source());
        BigDecimal bandwidth = Decimals.exact(line.bandwidthMbps(), "bandwidth", line.source());
        BigDecimal usage = Decimals.exact(line.usageQuantity(), "usage quantity", line.source());
        Period billed = own ? line.billingPeriod() : null;
        rows.text(own ? line.carrier() : null);
        rows.text(own ? line.account() : null);
        rows.text(line.subAccount());
        rows.text(own ? line.invoiceNumber() : null);
        rows.date(own ? line.invoiceDate() : null);
        rows.date(billed == null ? null : billed.start());
        rows.date(billed == null ? null : billed.end());
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
        rows.text(own ? line.amount().currency().getCurrencyCode() : null);
        Period charged = line.chargePeriod();
        rows.date(charged == null ? null : charged.start());
        rows.date(charged == null ? null : charged.end());
        rows.decimal(bandwidth);
        rows.decimal(usage);
        rows.text(line.usageUnit());
        rows.text(line.taxType());
        rows.text(line.taxJurisdiction());
        rows.text(own ? line.source().file() : null);
        rows.bigint(line.source().record());
        rows.bigint(line.source().line());
        rows.text(line.destination());
    }
}
