package org.bridgeline.enterprise.internal;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.ServiceType;

/**
 * Writes bills as the Bluewave Wireless portal export that this bundle's layout
 * {@code layouts/bluewave-wireless-bill.json} reads: one row per charge, its kind in "Charge Type".
 */
public final class BluewaveCsv {

    static final String[] HEADER = {"Account", "Invoice", "Bill Date", "Period Start", "Period End", "Wireless Number", "Site",
        "Charge Type", "Code", "Description", "Qty", "Rate", "Amount", "Charge Start", "Charge End", "Tax Type", "Jurisdiction"};

    private static final Map<ChargeCategory, String> KINDS = Map.of(ChargeCategory.RECURRING, "Monthly", ChargeCategory.USAGE, "Usage",
            ChargeCategory.TAX, "Tax", ChargeCategory.SURCHARGE, "Surcharge", ChargeCategory.ADJUSTMENT, "Adjustment");

    private BluewaveCsv() {
    }

    public static void write(List<ChargeLine> lines, Writer out) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator("\n").get())) {
            for (ChargeLine line : lines) {
                String kind = KINDS.get(line.category());
                if (kind == null || line.serviceId() != null && line.serviceType() != ServiceType.WIRELESS) {
                    throw new IllegalArgumentException("the Bluewave export has no row for a " + line.category() + " line of a "
                            + line.serviceType() + " service: " + line.source());
                }
                csv.printRecord(line.account(), line.invoiceNumber(), date(line.invoiceDate()),
                        line.billingPeriod() == null ? "" : date(line.billingPeriod().start()),
                        line.billingPeriod() == null ? "" : date(line.billingPeriod().end()), text(line.serviceId()), text(line.site()), kind,
                        text(line.chargeCode()), text(line.description()), plain(line.quantity()),
                        plain(line.unitPrice() == null ? null : line.unitPrice().amount()), plain(line.amount().amount()),
                        line.chargePeriod() == null ? "" : date(line.chargePeriod().start()),
                        line.chargePeriod() == null ? "" : date(line.chargePeriod().end()), text(line.taxType()), text(line.taxJurisdiction()));
            }
        }
    }

    private static String date(LocalDate date) {
        return date.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
