package org.bridgeline.store.jdbc;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Objects;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Period;
import org.bridgeline.store.StoreException;

/**
 * Appends a charge line's columns, carrier to destination, in the order bl_line and bl_finding_line
 * both declare them (destination arrived last, with V6): the one place a line becomes a row. A line
 * is checked whole before its row begins, so a refused line leaves no part of a row behind.
 */
final class LineColumns {

    private LineColumns() {
    }

    /** A line's amounts as the store keeps them: exact at scale 6, or the line is refused. */
    private record Exact(BigDecimal amount, BigDecimal unitPrice, BigDecimal quantity, BigDecimal bandwidth, BigDecimal usage) {

        static Exact of(ChargeLine line) throws StoreException {
            return new Exact(Decimals.exact(line.amount().amount(), "amount", line.source()),
                    Decimals.exact(line.unitPrice() == null ? null : line.unitPrice().amount(), "unit price", line.source()),
                    Decimals.exact(line.quantity(), "quantity", line.source()),
                    Decimals.exact(line.bandwidthMbps(), "bandwidth", line.source()),
                    Decimals.exact(line.usageQuantity(), "usage quantity", line.source()));
        }
    }

    /** Appends a whole row: the tenant, the owner (invoice or finding), the line's number under it, then the line. */
    static void appendRow(RowValues rows, String tenant, long ownerId, long lineNo, ChargeLine line)
            throws SQLException, StoreException {
        Exact exact = Exact.of(line);
        rows.beginRow();
        rows.text(tenant);
        rows.bigint(ownerId);
        rows.bigint(lineNo);
        values(rows, line, exact, true);
        rows.endRow();
    }

    /**
     * Appends a row of bl_line: an invoice's line. When its invoice-level fields are its invoice's (nearly always), they
     * are left NULL for the view bl_charge_line to read from the invoice, and the row carries only what is the line's own.
     */
    static void appendInvoiceLine(RowValues rows, String tenant, long invoiceId, long lineNo, ChargeLine line, InvoiceHeader header)
            throws SQLException, StoreException {
        checkCurrency(line, header);
        Exact exact = Exact.of(line);
        rows.beginRow();
        rows.text(tenant);
        rows.bigint(invoiceId);
        rows.bigint(lineNo);
        values(rows, line, exact, !inheritsInvoice(line, header));
        rows.endRow();
    }

    /** As {@link #appendInvoiceLine}, for rows whose tenant and invoice are given once for all of them: from the line's number on. */
    static void appendInvoiceLineAfterOwner(RowValues rows, long lineNo, ChargeLine line, InvoiceHeader header)
            throws SQLException, StoreException {
        checkCurrency(line, header);
        Exact exact = Exact.of(line);
        rows.beginRow();
        rows.bigint(lineNo);
        values(rows, line, exact, !inheritsInvoice(line, header));
        rows.endRow();
    }

    /** Refuses a line of the invoice the store could not keep as it is, naming the field; appending it would refuse it too. */
    static void check(ChargeLine line, InvoiceHeader header) throws StoreException {
        checkCurrency(line, header);
        Exact.of(line);
    }

    /** An invoice is in one currency: a line in another is refused. */
    static void checkCurrency(ChargeLine line, InvoiceHeader header) throws StoreException {
        if (!line.amount().currency().equals(header.currency())) {
            throw new StoreException(line.source() + ": field \"currency\": expected " + header.currency().getCurrencyCode()
                    + " (the invoice's currency), found " + line.amount().currency().getCurrencyCode());
        }
    }

    /** Whether the line's carrier, account, invoice number and date, billing period, currency and file are its invoice's. */
    static boolean inheritsInvoice(ChargeLine line, InvoiceHeader header) {
        return line.carrier().equals(header.carrier()) && line.account().equals(header.account())
                && line.invoiceNumber().equals(header.number()) && line.invoiceDate().equals(header.date())
                && Objects.equals(line.billingPeriod(), header.billingPeriod()) && line.amount().currency().equals(header.currency())
                && line.source().file().equals(header.source().file());
    }

    /** The line's columns into the open row, its invoice-level ones NULL unless {@code own}. */
    private static void values(RowValues rows, ChargeLine line, Exact exact, boolean own) throws SQLException {
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
        rows.decimal(exact.quantity());
        rows.text(line.unit());
        rows.decimal(exact.unitPrice());
        rows.decimal(exact.amount());
        rows.text(own ? line.amount().currency().getCurrencyCode() : null);
        Period charged = line.chargePeriod();
        rows.date(charged == null ? null : charged.start());
        rows.date(charged == null ? null : charged.end());
        rows.decimal(exact.bandwidth());
        rows.decimal(exact.usage());
        rows.text(line.usageUnit());
        rows.text(line.taxType());
        rows.text(line.taxJurisdiction());
        rows.text(own ? line.source().file() : null);
        rows.bigint(line.source().record());
        rows.bigint(line.source().line());
        rows.text(line.destination());
    }
}
