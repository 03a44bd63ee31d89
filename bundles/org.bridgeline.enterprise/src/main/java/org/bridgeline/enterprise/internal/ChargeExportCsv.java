package org.bridgeline.enterprise.internal;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.ServiceType;

/**
 * Writes bills as the charge-level CSV export this bundle's layout {@code layouts/charge-export.json}
 * reads: one row per charge, with every field of the model (service type, bandwidth, charge period,
 * usage, destination, tax type and jurisdiction, a tax's stated basis as its quantity in BASIS).
 */
public final class ChargeExportCsv {

    static final String[] HEADER = {"Carrier", "Account", "Invoice", "Bill Date", "Period Start", "Period End", "Currency", "Service ID",
        "Site", "Service Type", "Charge Type", "Code", "Description", "Qty", "Unit", "Rate", "Amount", "Charge Start", "Charge End",
        "Bandwidth Mbps", "Usage Qty", "Usage Unit", "Destination", "Tax Type", "Jurisdiction"};

    private static final Map<ChargeCategory, String> KINDS = Map.of(ChargeCategory.RECURRING, "Monthly", ChargeCategory.ONE_TIME,
            "One-time", ChargeCategory.USAGE, "Usage", ChargeCategory.TAX, "Tax", ChargeCategory.SURCHARGE, "Surcharge",
            ChargeCategory.CREDIT, "Credit", ChargeCategory.ADJUSTMENT, "Adjustment");

    private ChargeExportCsv() {
    }

    public static void write(Iterable<ChargeLine> lines, Writer out) throws IOException {
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator("\n").get())) {
            for (ChargeLine line : lines) {
                csv.printRecord(line.carrier(), line.account(), line.invoiceNumber(), line.invoiceDate(),
                        line.billingPeriod() == null ? "" : line.billingPeriod().start(), line.billingPeriod() == null ? "" : line.billingPeriod().end(),
                        line.amount().currency().getCurrencyCode(), text(line.serviceId()), text(line.site()),
                        line.serviceType() == ServiceType.OTHER ? "" : line.serviceType().name(), KINDS.get(line.category()),
                        text(line.chargeCode()), text(line.description()), plain(line.quantity()), text(line.unit()),
                        plain(line.unitPrice() == null ? null : line.unitPrice().amount()), plain(line.amount().amount()),
                        line.chargePeriod() == null ? "" : line.chargePeriod().start(), line.chargePeriod() == null ? "" : line.chargePeriod().end(),
                        plain(line.bandwidthMbps()), plain(line.usageQuantity()), text(line.usageUnit()), text(line.destination()),
                        text(line.taxType()), text(line.taxJurisdiction()));
            }
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
