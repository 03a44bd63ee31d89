package org.bridgeline.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.core.ExportService;
import org.bridgeline.store.BookStore;
import org.bridgeline.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Charge lines as FinOps FOCUS rows. Bridgeline's charge categories map onto FOCUS
 * ChargeCategory and ChargeFrequency; what FOCUS has no column for goes into x_ columns (USOC,
 * circuit id, service type, source position), so every row traces back to its bill.
 */
@Component(service = ExportService.class)
public final class FocusExport implements ExportService {

    static final List<String> COLUMNS = List.of("BilledCost", "BillingCurrency", "BillingAccountId", "SubAccountId",
            "BillingPeriodStart", "BillingPeriodEnd", "ChargeCategory", "ChargeFrequency", "ChargeDescription",
            "ChargePeriodStart", "ChargePeriodEnd", "InvoiceId", "ProviderName", "InvoiceIssuerName", "ResourceId",
            "ServiceCategory", "ServiceName", "PricingQuantity", "PricingUnit", "ContractedUnitPrice", "ConsumedQuantity",
            "ConsumedUnit", "RegionName", "x_Usoc", "x_CircuitId", "x_ServiceType", "x_TaxType", "x_TaxJurisdiction",
            "x_BandwidthMbps", "x_SourceFile", "x_SourceRecord", "x_SourceLine");

    private final BookStore store;

    @Activate
    public FocusExport(@Reference BookStore store) {
        this.store = store;
    }

    @Override
    public long exportFocus(String tenant, LineQuery query, Path file) throws IOException, StoreException {
        Path temporary = file.resolveSibling(file.getFileName() + ".part");
        long[] rows = {0};
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            store.ledger(tenant).lines(query, line -> {
                try {
                    csv.printRecord(Arrays.asList(row(line)));
                    rows[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(temporary);
            throw e.getCause();
        } catch (StoreException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        // the export appears whole or not at all
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return rows[0];
    }

    static Object[] row(ChargeLine line) {
        LocalDate periodStart = line.chargedOn();
        LocalDate periodEnd = line.chargePeriod() != null ? line.chargePeriod().end()
                : line.billingPeriod() != null ? line.billingPeriod().end() : line.invoiceDate();
        return new Object[] {
            plain(line.amount().amount()), line.amount().currency().getCurrencyCode(), line.account(), line.subAccount(),
            line.billingPeriod() == null ? null : line.billingPeriod().start(),
            line.billingPeriod() == null ? null : line.billingPeriod().end(),
            line.category().focusChargeCategory(), line.category().focusChargeFrequency(), line.description(),
            periodStart, periodEnd, line.invoiceNumber(), line.carrier(), line.carrier(), line.serviceId(),
            serviceCategory(line.serviceType()), serviceName(line.serviceType()),
            plain(line.quantity()), line.unit(), line.unitPrice() == null ? null : plain(line.unitPrice().amount()),
            plain(line.usageQuantity()), line.usageUnit(), line.site(), line.chargeCode(), line.serviceId(),
            line.serviceType().name(), line.taxType(), line.taxJurisdiction(), plain(line.bandwidthMbps()),
            line.source().file(), line.source().record(), line.source().line()};
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** FOCUS ServiceCategory: telecom services are networking; what Bridgeline cannot place is Other. */
    static String serviceCategory(ServiceType type) {
        return type == ServiceType.OTHER ? "Other" : "Networking";
    }

    static String serviceName(ServiceType type) {
        return switch (type) {
            case DIA -> "Dedicated Internet Access";
            case MPLS -> "MPLS";
            case ETHERNET -> "Ethernet";
            case VOICE_LINE -> "Voice Line";
            case PRI -> "PRI";
            case SIP -> "SIP Trunking";
            case TOLL_FREE -> "Toll-Free";
            case WIRELESS -> "Wireless";
            case LONG_DISTANCE -> "Long Distance";
            case OTHER -> "Other";
        };
    }
}
