package org.bridgeline.store.duckdb.internal;

import static org.bridgeline.store.Tenants.DEFAULT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.bridgeline.api.detect.BilledPrice;
import org.bridgeline.api.detect.InvoiceTotal;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.detect.ServiceHistory;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.store.InvoiceWriter;
import org.bridgeline.testkit.InMemoryBook;
import org.bridgeline.enterprise.SeededEnterprise;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's views computed in SQL say what the testkit's in-memory book says computed the plain
 * way, on a generated enterprise of a few thousand lines: detectors tested on the one behave the
 * same on the other.
 */
class AggregatesTest {

    @TempDir
    Path folder;
    OpenStore store;
    InMemoryBook book;

    @BeforeEach
    void storeAnEnterprise() throws Exception {
        store = new OpenStore(folder.resolve("data/bridgeline.duckdb"));
        book = InMemoryBook.of(SeededEnterprise.generate(7, 12));
        Map<List<String>, List<ChargeLine>> invoices = new LinkedHashMap<>();
        for (ChargeLine line : book.lines) {
            invoices.computeIfAbsent(List.of(line.carrier(), line.account(), line.invoiceNumber()), k -> new ArrayList<>()).add(line);
        }
        long importId = store.imports.beginImport(DEFAULT, "enterprise", "hash-enterprise", "test");
        for (List<ChargeLine> lines : invoices.values()) {
            ChargeLine first = lines.get(0);
            InvoiceHeader header = new InvoiceHeader(first.carrier(), first.account(), first.subAccount(), first.invoiceNumber(),
                    first.invoiceDate(), first.billingPeriod(), first.amount().currency(), first.source());
            try (InvoiceWriter writer = store.imports.writeInvoice(DEFAULT, importId, header)) {
                for (ChargeLine line : lines) {
                    writer.append(line);
                }
                writer.commit(null);
            }
        }
        store.imports.finishImport(DEFAULT, importId);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void serviceMonthsAndInvoiceTotalsMatchTheLines() throws Exception {
        assertTrue(book.serviceMonths(LineQuery.ALL).size() > 100);
        assertEquals(book.serviceMonths(LineQuery.ALL), store.book().serviceMonths(LineQuery.ALL));
        LineQuery recurring = LineQuery.carrier(SeededEnterprise.NORTHWIND).withCategory(ChargeCategory.RECURRING);
        assertEquals(book.serviceMonths(recurring), store.book().serviceMonths(recurring));
        assertEquals(AggregatesTest.<InvoiceTotal>collect(consumer -> book.invoiceTotals(LineQuery.ALL, consumer)),
                AggregatesTest.<InvoiceTotal>collect(consumer -> uncheck(() -> store.book().invoiceTotals(LineQuery.ALL, consumer))));
    }

    @Test
    void serviceHistoriesMatchTheLines() throws Exception {
        List<ServiceHistory> expected = collect(consumer -> book.serviceHistories(LineQuery.ALL, consumer));
        assertTrue(expected.size() > 10);
        assertTrue(expected.stream().anyMatch(history -> history.months(ChargeCategory.USAGE).size() > 6));
        assertEquals(expected, AggregatesTest.<ServiceHistory>collect(consumer -> uncheck(() ->
                store.book().serviceHistories(LineQuery.ALL, consumer))));
    }

    @Test
    void callsAreTotalledPerServiceAndNumberDialled() throws Exception {
        java.time.YearMonth month = java.time.YearMonth.of(2026, 1);
        InvoiceHeader header = new InvoiceHeader("Callco", "C1", null, "CALLS-1", month.atEndOfMonth(),
                org.bridgeline.api.model.Period.of(month.atDay(1), month.atEndOfMonth()), java.util.Currency.getInstance("USD"),
                org.bridgeline.api.model.SourcePosition.of("calls.x12", 1, 1));
        InMemoryBook calls = new InMemoryBook();
        long importId = store.imports.beginImport(DEFAULT, "calls", "hash-calls", "test");
        try (InvoiceWriter writer = store.imports.writeInvoice(DEFAULT, importId, header)) {
            int row = 1;
            for (String[] call : new String[][] {{"2125550199", "120", "0.30"}, {"2125550199", "60", "0.15"}, {"3125550100", "30", "0.10"}}) {
                ChargeLine line = ChargeLine.builder().invoice(header).serviceId("555-0100").serviceType(org.bridgeline.api.model.ServiceType.LONG_DISTANCE)
                        .category(ChargeCategory.USAGE).amount(org.bridgeline.api.model.Money.of(call[2], "USD")).usage(new java.math.BigDecimal(call[1]), "SEC")
                        .destination(call[0]).chargePeriod(org.bridgeline.api.model.Period.of(month.atDay(5), month.atDay(5)))
                        .source(org.bridgeline.api.model.SourcePosition.of("calls.x12", ++row, row)).build();
                writer.append(line);
                calls.add(line);
            }
            writer.commit(null);
        }
        LineQuery query = LineQuery.carrier("Callco");
        List<org.bridgeline.api.detect.UsageByDestination> expected = collect(consumer -> calls.usageByDestination(query, consumer));
        assertEquals(2, expected.size());
        assertEquals(expected, AggregatesTest.<org.bridgeline.api.detect.UsageByDestination>collect(consumer -> uncheck(() ->
                store.book().usageByDestination(query, consumer))));
        List<ChargeLine> stored = AggregatesTest.<ChargeLine>collect(consumer -> uncheck(() -> store.ledger().lines(query, consumer)));
        assertEquals("2125550199", stored.get(0).destination(), "the number dialled reads back");
    }

    @Test
    void billedPricesMatchTheLines() throws Exception {
        List<BilledPrice> expected = collect(consumer -> book.billedPrices(LineQuery.ALL, consumer));
        List<BilledPrice> stored = collect(consumer -> uncheck(() -> store.book().billedPrices(LineQuery.ALL, consumer)));
        assertFalse(expected.isEmpty());
        // the store may split one price by the amounts and quantities it was computed from: compare per price
        assertEquals(byPrice(expected), byPrice(stored));
        assertTrue(stored.stream().anyMatch(price -> price.lastCharged().isAfter(price.firstCharged())), "a price held for months is one row");
    }

    @Test
    void theLinesOfManyServicesAreReadInOnePass() throws Exception {
        Set<String> services = new TreeSet<>();
        book.lines.stream().map(ChargeLine::serviceId).filter(id -> id != null).distinct().limit(9).forEach(services::add);
        LineQuery query = LineQuery.ALL.withCategory(ChargeCategory.RECURRING);
        List<ChargeLine> expected = collect(consumer -> book.lines(query, services, consumer));
        List<ChargeLine> stored = collect(consumer -> uncheck(() -> store.book().lines(query, services, consumer)));
        assertFalse(expected.isEmpty());
        assertEquals(expected, stored);
        assertEquals(List.of(), AggregatesTest.<ChargeLine>collect(consumer -> uncheck(() -> store.book().lines(query,
                Set.of("NO-SUCH-SERVICE"), consumer))));
    }

    private static Map<String, List<Object>> byPrice(List<BilledPrice> prices) {
        Map<String, List<Object>> merged = new TreeMap<>();
        for (BilledPrice price : prices) {
            String key = String.join("|", price.carrier(), price.account(), price.serviceId(), price.serviceType().name(),
                    String.valueOf(price.chargeCode()), price.category().name(), price.pricePerUnit().amount().stripTrailingZeros().toPlainString(),
                    price.firstCharged().toString());
            merged.merge(key, List.of(price.lastCharged(), price.lines()), (a, b) -> List.of(
                    ((java.time.LocalDate) a.get(0)).isAfter((java.time.LocalDate) b.get(0)) ? a.get(0) : b.get(0),
                    (Long) a.get(1) + (Long) b.get(1)));
        }
        return merged;
    }

    private interface StoreCall {
        void run() throws Exception;
    }

    private static void uncheck(StoreCall call) {
        try {
            call.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static <T> List<T> collect(Consumer<Consumer<T>> source) {
        List<T> items = new ArrayList<>();
        source.accept(items::add);
        return items;
    }
}
