package org.bridgeline.store.duckdb.internal;

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
            + "l.source_record, l.source_line";

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

    static ChargeLine line(ResultSet row) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("currency"));
        BigDecimal unitPrice = decimal(row, "unit_price");
        return ChargeLine.builder()
                .carrier(row.getString("carrier")).account(row.getString("account"))
                .subAccount(row.getString("sub_account")).invoiceNumber(row.getString("invoice_number"))
                .invoiceDate(date(row, "invoice_date")).billingPeriod(period(row, "period_start", "period_end"))
                .serviceId(row.getString("service_id")).site(row.getString("site"))
                .serviceType(ServiceType.valueOf(row.getString("service_type")))
                .category(ChargeCategory.valueOf(row.getString("category")))
                .chargeCode(row.getString("charge_code")).description(row.getString("description"))
                .quantity(decimal(row, "quantity")).unit(row.getString("unit"))
                .unitPrice(unitPrice == null ? null : new Money(unitPrice, currency))
                .amount(new Money(decimal(row, "amount"), currency))
                .chargePeriod(period(row, "charge_start", "charge_end"))
                .bandwidthMbps(decimal(row, "bandwidth_mbps"))
                .usage(decimal(row, "usage_quantity"), row.getString("usage_unit"))
                .tax(row.getString("tax_type"), row.getString("tax_jurisdiction"))
                .source(SourcePosition.of(row.getString("source_file"), row.getLong("source_record"), row.getLong("source_line")))
                .build();
    }

    /** A stored decimal without the storage scale's trailing zeros: 12.500000 reads back as 12.5. */
    static BigDecimal decimal(ResultSet row, String column) throws SQLException {
        BigDecimal value = row.getBigDecimal(column);
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static LocalDate date(ResultSet row, String column) throws SQLException {
        Date date = row.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Period period(ResultSet row, String start, String end) throws SQLException {
        LocalDate from = date(row, start);
        LocalDate to = date(row, end);
        return from == null || to == null ? null : Period.of(from, to);
    }
}
