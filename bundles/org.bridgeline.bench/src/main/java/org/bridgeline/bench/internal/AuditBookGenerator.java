package org.bridgeline.bench.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ContractRate;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.ServiceOrder;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.api.model.SourcePosition;
import org.bridgeline.store.ImportStore;
import org.bridgeline.store.InputStore;
import org.bridgeline.store.InvoiceWriter;
import org.bridgeline.store.StoreException;

/**
 * A book of business of a given number of charge lines for the audit bench, written straight
 * into the store: services of four kinds at three carriers, twelve months, two lines per service
 * and month (a recurring charge and a usage or feature line), a state tax and a USF line per
 * invoice (invoices of about 2,000 to 4,000 lines); contracts, expected inventory and disconnect orders; and about one service in a
 * thousand carrying an anomaly (duplicate, idle line, price above contract, late fee, missing
 * from inventory, billed after disconnect), so detectors have findings to write.
 */
final class AuditBookGenerator {

    static final int SERVICES_PER_ACCOUNT = 4_000;
    private static final Currency USD = Currency.getInstance("USD");
    private static final String[] CARRIERS = {"Bench Acme", "Bench Northwind", "Bench Northwind", "Bench Bluewave"};
    private static final ServiceType[] TYPES = {ServiceType.DIA, ServiceType.MPLS, ServiceType.VOICE_LINE, ServiceType.WIRELESS};
    private static final String[] CODES = {"DIA100", "MPLS50", "POTS", "WLPLAN"};
    private static final String[] SECOND_CODES = {"STATICIP", "MPLSCOS", "LD", "DATA"};
    private static final BigDecimal[] PRICES = {new BigDecimal("650.00"), new BigDecimal("700.00"), new BigDecimal("45.00"),
            new BigDecimal("60.00")};

    static final String BENCHMARK_SOURCE = "Illustrative benchmark table of the audit bench (not market data)";

    private AuditBookGenerator() {
    }

    /**
     * A benchmark table for the bench's four kinds of service, in the table provider's CSV form: around the bench's prices,
     * or, for an audit with many findings, with the market a fifth below them.
     */
    static String benchmarkTable(boolean dearCircuits) {
        String[] shares = dearCircuits ? new String[] {"0.78", "0.80", "0.86"} : new String[] {"0.97", "1.00", "1.08"};
        StringBuilder csv = new StringBuilder("service_type,bandwidth_from_mbps,bandwidth_to_mbps,region,term_months,currency,p25,median,p75,"
                + "unit,sample_size,source,as_of\n");
        for (int kind = 0; kind < TYPES.length; kind++) {
            BigDecimal price = PRICES[kind];
            csv.append(TYPES[kind]).append(",0,,*,36,USD,").append(share(price, shares[0])).append(',').append(share(price, shares[1]))
                    .append(',').append(share(price, shares[2])).append(",,100,").append(BENCHMARK_SOURCE).append(",2025-09-30\n");
        }
        return csv.toString();
    }

    private static String share(BigDecimal price, String share) {
        return price.multiply(new BigDecimal(share)).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Writes about {@code lines} lines to {@code tenant}; returns how many were written. */
    static long write(ImportStore store, InputStore inputStore, String tenant, long lines) throws Exception {
        int services = (int) Math.max(4, lines / 24);
        int accounts = (services + SERVICES_PER_ACCOUNT - 1) / SERVICES_PER_ACCOUNT;
        long importId = store.beginImport(tenant, "audit-bench", tenant, "bench");
        long written = 0;
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(2025, m);
            for (int account = 0; account < accounts; account++) {
                for (String carrier : List.of(CARRIERS[0], CARRIERS[1], CARRIERS[3])) {
                    written += invoice(store, tenant, importId, carrier, account, month, services);
                }
            }
        }
        store.finishImport(tenant, importId);
        inputs(inputStore, tenant, services);
        return written;
    }

    private static long invoice(ImportStore store, String tenant, long importId, String carrier, int account, YearMonth month, int services)
            throws StoreException {
        String accountId = carrier.substring(6, 9).toUpperCase() + "-" + account;
        String number = accountId + "-" + month;
        Period period = Period.of(month.atDay(1), month.atEndOfMonth());
        String file = "audit-bench-" + number;
        InvoiceHeader header = new InvoiceHeader(carrier, accountId, null, number, month.atEndOfMonth(), period, USD,
                SourcePosition.of(file, 1, 1));
        int[] row = {1};
        BigDecimal taxable = BigDecimal.ZERO;
        try (InvoiceWriter writer = store.writeInvoice(tenant, importId, header)) {
            int first = account * SERVICES_PER_ACCOUNT;
            for (int i = first; i < Math.min(services, first + SERVICES_PER_ACCOUNT); i++) {
                int kind = i % 4;
                if (!CARRIERS[kind].equals(carrier)) {
                    continue;
                }
                String service = TYPES[kind] + "-" + i;
                BigDecimal price = i % 1000 == 13 && m(month) >= 4 ? PRICES[kind].multiply(new BigDecimal("1.15")) : PRICES[kind];
                price = price.setScale(2, RoundingMode.HALF_EVEN);
                ChargeLine recurring = line(header, file, ++row[0], service, TYPES[kind], ChargeCategory.RECURRING, CODES[kind], price);
                writer.append(recurring);
                if (i % 1000 == 7 && m(month) == 6) {
                    writer.append(line(header, file, ++row[0], service, TYPES[kind], ChargeCategory.RECURRING, CODES[kind], price));
                }
                boolean usage = kind >= 2;
                boolean idle = i % 1000 == 11 && m(month) >= 10;
                if (!idle) {
                    BigDecimal second = usage ? BigDecimal.valueOf(100 + (i * 31L + m(month) * 7L) % 400, 2) : new BigDecimal("25.00");
                    writer.append(line(header, file, ++row[0], service, TYPES[kind],
                            usage ? ChargeCategory.USAGE : ChargeCategory.RECURRING, SECOND_CODES[kind], second));
                    taxable = kind == 0 ? taxable : taxable.add(second);
                }
                taxable = kind == 0 ? taxable : taxable.add(price);
            }
            Money state = new Money(taxable.multiply(new BigDecimal("0.04")).setScale(2, RoundingMode.HALF_EVEN), USD);
            writer.append(ChargeLine.builder().carrier(carrier).account(accountId).invoiceNumber(number).invoiceDate(header.date())
                    .billingPeriod(period).category(ChargeCategory.TAX).chargeCode("STTAX").description("State sales tax")
                    .tax("STATE", "NY").amount(state).source(SourcePosition.of(file, ++row[0], row[0])).build());
            Money usf = new Money(taxable.multiply(new BigDecimal("0.10")).setScale(2, RoundingMode.HALF_EVEN), USD);
            writer.append(ChargeLine.builder().carrier(carrier).account(accountId).invoiceNumber(number).invoiceDate(header.date())
                    .billingPeriod(period).category(ChargeCategory.SURCHARGE).chargeCode("FUSF").description("Federal Universal Service Fee")
                    .tax("FUSF", "US").amount(usf).source(SourcePosition.of(file, ++row[0], row[0])).build());
            if (account % 50 == 3 && m(month) == 8) {
                writer.append(ChargeLine.builder().carrier(carrier).account(accountId).invoiceNumber(number).invoiceDate(header.date())
                        .billingPeriod(period).category(ChargeCategory.ADJUSTMENT).chargeCode("LATEFEE").description("Late payment charge")
                        .amount(new Money(new BigDecimal("75.00"), USD)).source(SourcePosition.of(file, ++row[0], row[0])).build());
            }
            return writer.commit(null).lines();
        }
    }

    private static int m(YearMonth month) {
        return month.getMonthValue();
    }

    private static ChargeLine line(InvoiceHeader header, String file, int row, String service, ServiceType type, ChargeCategory category,
            String code, BigDecimal amount) {
        ChargeLine.Builder builder = ChargeLine.builder().carrier(header.carrier()).account(header.account())
                .invoiceNumber(header.number()).invoiceDate(header.date()).billingPeriod(header.billingPeriod()).serviceId(service)
                .serviceType(type).category(category).chargeCode(code).amount(new Money(amount, USD))
                .source(SourcePosition.of(file, row, row));
        if (category == ChargeCategory.RECURRING) {
            builder.quantity(BigDecimal.ONE).unitPrice(new Money(amount, USD));
        }
        return builder.build();
    }

    private static void inputs(InputStore store, String tenant, int services) throws StoreException {
        Period term = Period.of(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31));
        List<Contract> contracts = new ArrayList<>();
        for (String carrier : List.of(CARRIERS[0], CARRIERS[1], CARRIERS[3])) {
            List<ContractRate> rates = new ArrayList<>();
            for (int kind = 0; kind < 4; kind++) {
                if (CARRIERS[kind].equals(carrier)) {
                    rates.add(new ContractRate(TYPES[kind], CODES[kind], null, ChargeCategory.RECURRING, new Money(PRICES[kind], USD), null));
                    if (kind < 2) {
                        rates.add(new ContractRate(TYPES[kind], SECOND_CODES[kind], null, ChargeCategory.RECURRING,
                                new Money(new BigDecimal("25.00"), USD), null));
                    }
                }
            }
            contracts.add(new Contract(carrier, carrier.replace(' ', '-') + "-MSA", term, false, 0, null, rates, null));
        }
        store.saveContracts(tenant, "audit-bench", contracts);
        List<ExpectedService> expected = new ArrayList<>();
        List<ServiceOrder> orders = new ArrayList<>();
        for (int i = 0; i < services; i++) {
            int kind = i % 4;
            String service = TYPES[kind] + "-" + i;
            if (i % 1000 != 19) {
                expected.add(new ExpectedService(CARRIERS[kind], service, "SITE-" + i / 10, TYPES[kind], null,
                        i % 2000 == 23 ? "DISCONNECTED" : "ACTIVE"));
            }
            if (i % 2000 == 23) {
                orders.add(new ServiceOrder("BENCH-" + i, CARRIERS[kind], service, ServiceOrder.Kind.DISCONNECT, LocalDate.of(2025, 6, 15),
                        null));
            }
        }
        store.saveExpectedInventory(tenant, "audit-bench", expected);
        store.saveOrders(tenant, "audit-bench", orders);
    }
}
