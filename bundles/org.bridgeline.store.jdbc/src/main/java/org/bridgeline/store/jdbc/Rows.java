package org.bridgeline.store.jdbc;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Currency;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.api.model.SourcePosition;
import org.bridgeline.store.StoredInvoice;

/** Reads model values back from result rows, in the columns the store's queries select. */
final class Rows {

    static final String INVOICE_COLUMNS = "i.invoice_id, i.import_id, i.carrier, i.account, i.sub_account, i.invoice_number, "
            + "i.invoice_date, i.period_start, i.period_end, i.currency, i.stated_total, i.line_total, i.line_count, "
            + "i.revision, i.supersedes, i.source_file, i.source_record, i.source_line";

    static final String LINE_COLUMNS = "l.carrier, l.account, l.sub_account, l.invoice_number, l.invoice_date, "
            + "l.period_start, l.period_end, l.service_id, l.site, l.service_type, l.category, l.charge_code, "
            + "l.description, l.quantity, l.unit, l.unit_price, l.amount, l.currency, l.charge_start, l.charge_end, "
            + "l.bandwidth_mbps, l.usage_quantity, l.usage_unit, l.tax_type, l.tax_jurisdiction, l.source_file, "
            + "l.source_record, l.source_line, l.destination";

    private Rows() {
    }

    static StoredInvoice invoice(ResultSet row) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("currency"));
        InvoiceHeader header = new InvoiceHeader(row.getString("carrier"), row.getString("account"),
                row.getString("sub_account"), row.getString("invoice_number"), date(row, "invoice_date"),
                period(row, "period_start", "period_end"), currency,
                SourcePosition.of(row.getString("source_file"), row.getLong("source_record"), row.getLong("source_line")));
        BigDecimal stated = decimal(row, "stated_total");
        return new StoredInvoice(row.getLong("invoice_id"), row.getLong("import_id"), header,
                stated == null ? null : new Money(stated, currency),
                new Money(decimal(row, "line_total"), currency), row.getLong("line_count"),
                row.getInt("revision"), row.getLong("supersedes"));
    }

    /** A line from a row whose first columns are {@link #LINE_COLUMNS}. */
    static ChargeLine line(ResultSet row) throws SQLException {
        return line(row, 0);
    }

    /**
     * A line from a row with {@link #LINE_COLUMNS} after {@code before} other columns. Read by
     * position: the driver finds a column by name with a scan, and lines are read by the million.
     */
    static ChargeLine line(ResultSet row, int before) throws SQLException {
        int c = before;
        String carrier = row.getString(++c);
        String account = row.getString(++c);
        String subAccount = row.getString(++c);
        String invoiceNumber = row.getString(++c);
        LocalDate invoiceDate = date(row.getDate(++c));
        Period billingPeriod = period(row.getDate(++c), row.getDate(++c));
        String serviceId = row.getString(++c);
        String site = row.getString(++c);
        ServiceType serviceType = ServiceType.valueOf(row.getString(++c));
        ChargeCategory category = ChargeCategory.valueOf(row.getString(++c));
        String chargeCode = row.getString(++c);
        String description = row.getString(++c);
        BigDecimal quantity = decimal(row.getBigDecimal(++c));
        String unit = row.getString(++c);
        BigDecimal unitPrice = decimal(row.getBigDecimal(++c));
        BigDecimal amount = decimal(row.getBigDecimal(++c));
        Currency currency = Currency.getInstance(row.getString(++c));
        Period chargePeriod = period(row.getDate(++c), row.getDate(++c));
        BigDecimal bandwidth = decimal(row.getBigDecimal(++c));
        BigDecimal usageQuantity = decimal(row.getBigDecimal(++c));
        String usageUnit = row.getString(++c);
        String taxType = row.getString(++c);
        String taxJurisdiction = row.getString(++c);
        SourcePosition source = SourcePosition.of(row.getString(++c), row.getLong(++c), row.getLong(++c));
        String destination = row.getString(++c);
        return ChargeLine.builder().carrier(carrier).account(account).subAccount(subAccount).invoiceNumber(invoiceNumber)
                .invoiceDate(invoiceDate).billingPeriod(billingPeriod).serviceId(serviceId).site(site).serviceType(serviceType)
                .category(category).chargeCode(chargeCode).description(description).quantity(quantity).unit(unit)
                .unitPrice(unitPrice == null ? null : new Money(unitPrice, currency)).amount(new Money(amount, currency))
                .chargePeriod(chargePeriod).bandwidthMbps(bandwidth).usage(usageQuantity, usageUnit).tax(taxType, taxJurisdiction)
                .destination(destination).source(source).build();
    }

    /** A stored decimal without the storage scale's trailing zeros: 12.500000 reads back as 12.5. */
    static BigDecimal decimal(ResultSet row, String column) throws SQLException {
        return decimal(row.getBigDecimal(column));
    }

    /**
     * The decimal the database wrote in {@code text[from, to)} (digits, a sign, a point, no exponent), as
     * {@link #decimal(BigDecimal)} gives it: its fractional zeros are dropped from the text, not from a first decimal.
     */
    static BigDecimal decimal(char[] text, int from, int to) {
        int end = to;
        int point = from;
        while (point < to && text[point] != '.') {
            point++;
        }
        if (point < to) {
            while (end > point + 1 && text[end - 1] == '0') {
                end--;
            }
            if (end == point + 1) {
                end = point;
            }
        }
        return new BigDecimal(text, from, end - from);
    }

    static BigDecimal decimal(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static LocalDate date(ResultSet row, String column) throws SQLException {
        return date(row.getDate(column));
    }

    static LocalDate date(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static Period period(ResultSet row, String start, String end) throws SQLException {
        return period(row.getDate(start), row.getDate(end));
    }

    private static Period period(Date start, Date end) {
        return start == null || end == null ? null : Period.of(start.toLocalDate(), end.toLocalDate());
    }
}
