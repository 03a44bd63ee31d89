package org.bridgeline.store.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.bridgeline.api.detect.BilledPrice;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.IdleService;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.api.model.Severity;
import org.bridgeline.api.model.SourcePosition;
import org.bridgeline.enterprise.AdversarialEnterprise;
import org.bridgeline.enterprise.GeneratedEnterprise;
import org.bridgeline.enterprise.SeededEnterprise;
import org.bridgeline.store.AuditRunRecord;
import org.bridgeline.store.AuditStore;
import org.bridgeline.store.StoredFinding;
import org.bridgeline.store.EncodedLines;
import org.bridgeline.store.InvoiceWriter;
import org.bridgeline.store.LineEncoder;
import org.bridgeline.store.Ledger;
import org.bridgeline.store.Market;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredInvoice;
import org.bridgeline.testkit.InMemoryBook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store implementation must do, written once against the store roles: extend it with
 * {@link #open()} giving the roles over a fresh database, and every test here runs on it. The
 * in-memory book of the testkit is the reference for every view.
 */
public abstract class StoreContract {

    /** Two tenants: what one writes the other never reads. */
    protected static final String A = "tenant-a";
    protected static final String B = "tenant-b";

    /** No benchmarks and the default policy: these tests read the store's own data. */
    protected static final Market NO_MARKET = StoreWrites.NO_MARKET;

    private Stores stores;

    /** The four roles over a new, empty database of this implementation. */
    protected abstract Stores open() throws Exception;

    @BeforeEach
    void openStores() throws Exception {
        stores = open();
    }

    @AfterEach
    void closeStores() throws Exception {
        stores.close().close();
    }

    protected Stores stores() {
        return stores;
    }

    protected BookOfBusiness book(String tenant) {
        return stores.books().book(tenant, null, NO_MARKET);
    }

    protected Ledger ledger(String tenant) {
        return stores.books().ledger(tenant);
    }

    // ---- writing ---------------------------------------------------------------------------------

    /** Imports the lines as one file: one transaction per invoice, in the order the lines come. Returns the import id. */
    protected long importLines(String tenant, String contentHash, List<ChargeLine> lines) throws StoreException {
        return StoreWrites.importLines(stores, tenant, contentHash, lines);
    }

    /** Writes an enterprise's bills and inputs for a tenant. */
    protected void write(String tenant, GeneratedEnterprise enterprise) throws StoreException {
        StoreWrites.write(stores, tenant, enterprise);
    }

    /** A move with its amounts at their least scale, so a sum's trailing zeros do not tell the store from the histories. */
    private static String move(org.bridgeline.api.detect.ServiceCostMove move) {
        return String.join(" ", move.carrier(), move.account(), move.serviceId(), String.valueOf(move.month()),
                move.cost().amount().stripTrailingZeros().toPlainString(), move.cost().currency().getCurrencyCode(),
                move.median().stripTrailingZeros().toPlainString(), String.valueOf(move.monthsBefore()), String.valueOf(move.lastMonth()),
                String.valueOf(move.lastUsageMonth()), String.valueOf(move.carrierLastRecurringMonth()));
    }

    private static InvoiceHeader invoice(String number, LocalDate date) {
        return new InvoiceHeader("Acme Telecom", "ACC-1", null, number, date, Period.of(date.withDayOfMonth(1), date),
                java.util.Currency.getInstance("USD"), SourcePosition.of("bill-" + number + ".csv", 1, 1));
    }

    private static ChargeLine line(InvoiceHeader header, int record, String service, String amount) {
        return ChargeLine.builder().invoice(header).serviceId(service).site("HQ").serviceType(ServiceType.DIA)
                .category(ChargeCategory.RECURRING).chargeCode("DIA100").quantity(BigDecimal.ONE).unitPrice(Money.of(amount, "USD"))
                .amount(Money.of(amount, "USD")).bandwidthMbps(new BigDecimal("100"))
                .source(SourcePosition.of(header.source().file(), record, record)).build();
    }

    private static <T> List<T> collect(Consumer<Consumer<T>> source) {
        List<T> all = new ArrayList<>();
        source.accept(all::add);
        return all;
    }

    // ---- transactions and imports ---------------------------------------------------------------

    @Test
    void anInvoiceIsStoredWholeOrNotAtAll() throws Exception {
        long importId = stores.imports().beginImport(A, "bill.csv", "hash-1", "contract");
        InvoiceHeader rolledBack = invoice("INV-1", LocalDate.of(2026, 1, 31));
        try (InvoiceWriter writer = stores.imports().writeInvoice(A, importId, rolledBack)) {
            for (int i = 0; i < 1_000; i++) {
                writer.append(line(rolledBack, i + 2, "CKT-" + i % 7, "10.00"));
            }
            writer.rollback();
        }
        InvoiceHeader committed = invoice("INV-2", LocalDate.of(2026, 2, 28));
        try (InvoiceWriter writer = stores.imports().writeInvoice(A, importId, committed)) {
            writer.append(line(committed, 2, "CKT-1", "10.00"));
            writer.append(line(committed, 3, "CKT-2", "20.00"));
            StoredInvoice stored = writer.commit(Money.of("30.00", "USD"));
            assertEquals(2, stored.lines());
        }
        assertEquals(1, stores.imports().finishImport(A, importId).invoices());
        assertEquals(List.of("INV-2"), ledger(A).invoices(LineQuery.ALL).stream().map(i -> i.header().number()).toList());
        assertEquals(2, StoreContract.<ChargeLine>collect(c -> book(A).lines(LineQuery.ALL, c)).size(), "nothing of the rolled-back invoice");
    }

    @Test
    void aLineReadsBackWithItsOwnInvoiceFieldsWhereTheyAreNotItsInvoices() throws Exception {
        // lines normally leave their invoice-level fields to the invoice; one that states others keeps them
        long importId = stores.imports().beginImport(A, "bill.csv", "hash-own", "contract");
        InvoiceHeader header = invoice("INV-OWN", LocalDate.of(2026, 3, 31));
        ChargeLine usual = line(header, 2, "CKT-1", "10.00");
        ChargeLine unbilledPeriod = line(header, 3, "CKT-2", "20.00").toBuilder().billingPeriod(null).build();
        ChargeLine ownDayAndFile = line(header, 4, "CKT-3", "30.000001").toBuilder().invoiceDate(LocalDate.of(2026, 3, 30))
                .source(SourcePosition.of("annex.csv", 9, 12)).build();
        ChargeLine otherCarrier = line(header, 5, "CKT-4", "40.00").toBuilder().carrier("Acme Wholesale").build();
        try (InvoiceWriter writer = stores.imports().writeInvoice(A, importId, header)) {
            for (ChargeLine line : List.of(usual, unbilledPeriod, ownDayAndFile, otherCarrier)) {
                writer.append(line);
            }
            writer.commit(null);
        }
        stores.imports().finishImport(A, importId);
        assertEquals(List.of(usual, unbilledPeriod, ownDayAndFile, otherCarrier), StoreContract.<ChargeLine>collect(c -> book(A).lines(LineQuery.ALL, c)));
        // the totals per bill, which the store sums before it reads the invoice: a line's own day or period leaves it on its
        // invoice (dated as the invoice is), a line of another carrier is on a bill of its own
        InMemoryBook expected = new InMemoryBook();
        List.of(usual, unbilledPeriod, ownDayAndFile, otherCarrier).forEach(expected::add);
        assertEquals(StoreContract.<org.bridgeline.api.detect.InvoiceTotal>collect(c -> expected.invoiceTotals(LineQuery.ALL, c)),
                StoreContract.<org.bridgeline.api.detect.InvoiceTotal>collect(c -> book(A).invoiceTotals(LineQuery.ALL, c)));
        assertEquals(StoreContract.<org.bridgeline.api.detect.InvoiceCodeTotal>collect(c -> expected.invoiceCodeTotals(LineQuery.ALL, c)),
                StoreContract.<org.bridgeline.api.detect.InvoiceCodeTotal>collect(c -> book(A).invoiceCodeTotals(LineQuery.ALL, c)));
        assertEquals(List.of(3L, 1L), StoreContract.<org.bridgeline.api.detect.InvoiceTotal>collect(c -> book(A).invoiceTotals(LineQuery.ALL, c))
                .stream().map(org.bridgeline.api.detect.InvoiceTotal::lines).toList());
    }

    @Test
    void linesEncodedAheadOfTheirWriterReadBackAsAppendedOnesAndARefusedLineLeavesNoTrace() throws Exception {
        // the import encodes an invoice's lines on the parser's thread before its writer opens, a batch at a time
        long importId = stores.imports().beginImport(A, "bill.csv", "hash-encoded", "contract");
        InvoiceHeader header = invoice("INV-ENC", LocalDate.of(2026, 4, 30));
        LineEncoder encoder = stores.imports().lineEncoder(A, header);
        List<ChargeLine> expected = new ArrayList<>();
        List<EncodedLines> batches = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 2_500; i++) {
            ChargeLine line = line(header, i + 2, "CKT-" + i % 7, "10.0" + i % 10);
            if (i == 1_200) {
                ChargeLine tooFine = line(header, i + 2, "CKT-1", "0.1234567");
                StoreException refused = assertThrows(StoreException.class, () -> encoder.add(tooFine));
                assertTrue(refused.getMessage().contains("amount") && refused.getMessage().contains("0.1234567"), refused.getMessage());
                continue;
            }
            if (i % 500 == 3) {
                line = line.toBuilder().description("tab\there, \"quoted\", line\nbreak, \u260E").carrier("Acme Wholesale").build();
            }
            encoder.add(line);
            expected.add(line);
            total = total.add(line.amount().amount());
            if (expected.size() % 1_000 == 0) {
                batches.add(encoder.take());
            }
        }
        batches.add(encoder.take());
        try (InvoiceWriter writer = stores.imports().writeInvoice(A, importId, header)) {
            for (EncodedLines batch : batches) {
                writer.append(batch);
            }
            StoredInvoice stored = writer.commit(null);
            assertEquals(2_499, stored.lines());
            assertEquals(0, total.compareTo(stored.lineTotal().amount()));
        }
        stores.imports().finishImport(A, importId);
        assertEquals(expected, StoreContract.<ChargeLine>collect(c -> book(A).lines(LineQuery.ALL, c)));
    }

    @Test
    void textsOfAnyCharactersReadBackThroughTheAggregates() throws Exception {
        InvoiceHeader header = invoice("TXT-1", LocalDate.of(2030, 3, 31));
        String service = "SVC:1-\u260E \uD83D\uDCDE,2";
        ChargeLine line = ChargeLine.builder().invoice(header).serviceId(service).site("Quai 3-5: \uD83C\uDFE2, -").serviceType(ServiceType.DIA)
                .category(ChargeCategory.RECURRING).chargeCode("C:1-").quantity(new BigDecimal("2")).amount(Money.of("20.50", "USD"))
                .bandwidthMbps(new BigDecimal("1.5")).source(SourcePosition.of(header.source().file(), 2, 2)).build();
        importLines(A, "texts", List.of(line));
        BookOfBusiness stored = book(A);
        List<org.bridgeline.api.detect.ServiceHistory> histories = StoreContract.<org.bridgeline.api.detect.ServiceHistory>collect(
                c -> stored.serviceHistories(LineQuery.ALL, c));
        assertEquals(1, histories.size());
        assertEquals(service, histories.get(0).serviceId());
        assertEquals(line.site(), histories.get(0).site());
        assertEquals(0, new BigDecimal("1.5").compareTo(histories.get(0).bandwidthMbps()));
        List<BilledPrice> prices = StoreContract.<BilledPrice>collect(c -> stored.billedPrices(LineQuery.ALL, c));
        assertEquals(1, prices.size());
        assertEquals(service, prices.get(0).serviceId());
        assertEquals("C:1-", prices.get(0).chargeCode());
        assertEquals(0, new BigDecimal("10.25").compareTo(prices.get(0).pricePerUnit().amount()), "priced from amount and quantity");
        assertEquals(LocalDate.of(2030, 3, 1), prices.get(0).firstCharged());
    }

    @Test
    void aFinishedImportIsFoundByItsContentAndAnEmptyOneIsForgotten() throws Exception {
        long first = importLines(A, "hash-bill", List.of(line(invoice("INV-1", LocalDate.of(2026, 1, 31)), 2, "CKT-1", "10.00")));
        assertEquals(first, stores.imports().findImport(A, "hash-bill").orElseThrow().importId());
        assertEquals(1, stores.imports().imports(A).size());
        long empty = stores.imports().beginImport(A, "empty.csv", "hash-empty", "contract");
        stores.imports().finishImport(A, empty);
        assertTrue(stores.imports().findImport(A, "hash-empty").isEmpty(), "an import that stored nothing can be retried");
    }

    @Test
    void anUnfinishedImportIsResumedWithoutDoublingWhatItStored() throws Exception {
        long importId = stores.imports().beginImport(A, "big.csv", "hash-big", "contract");
        InvoiceHeader first = invoice("INV-1", LocalDate.of(2026, 1, 31));
        try (InvoiceWriter writer = stores.imports().writeInvoice(A, importId, first)) {
            writer.append(line(first, 2, "CKT-1", "10.00"));
            writer.commit(null);
        }
        // the process died here; the same file comes again
        long resumed = stores.imports().beginImport(A, "big.csv", "hash-big", "contract");
        assertEquals(importId, resumed);
        for (InvoiceHeader header : List.of(first, invoice("INV-2", LocalDate.of(2026, 2, 28)))) {
            try (InvoiceWriter writer = stores.imports().writeInvoice(A, resumed, header)) {
                writer.append(line(header, 2, "CKT-1", "10.00"));
                writer.commit(null);
            }
        }
        assertEquals(2, stores.imports().finishImport(A, resumed).invoices());
        assertEquals(2, StoreContract.<ChargeLine>collect(c -> book(A).lines(LineQuery.ALL, c)).size(), "the first invoice once");
    }

    @Test
    void aReissueSupersedesTheEarlierInvoice() throws Exception {
        InvoiceHeader header = invoice("INV-1", LocalDate.of(2026, 1, 31));
        importLines(A, "hash-original", List.of(line(header, 2, "CKT-1", "10.00"), line(header, 3, "CKT-2", "99.00")));
        importLines(A, "hash-corrected", List.of(line(header, 2, "CKT-1", "10.00")));
        List<StoredInvoice> current = ledger(A).invoices(LineQuery.ALL);
        assertEquals(1, current.size());
        assertEquals(2, current.get(0).revision());
        assertEquals(List.of("CKT-1"), StoreContract.<ChargeLine>collect(c -> book(A).lines(LineQuery.ALL, c)).stream()
                .map(ChargeLine::serviceId).toList(), "only the current revision's lines");
        assertEquals(1, ledger(A).invoicesNumbered("INV-1").size());
    }

    // ---- every view against the in-memory book ----------------------------------------------------

    @Test
    void everyViewAgreesWithTheInMemoryBookOnTheSeededEnterprise() throws Exception {
        viewsAgree(SeededEnterprise.generate(7, 6));
    }

    @Test
    void everyViewAgreesWithTheInMemoryBookOnTheAdversarialEnterprise() throws Exception {
        viewsAgree(AdversarialEnterprise.generate(3, 12));
    }

    private void viewsAgree(GeneratedEnterprise enterprise) throws Exception {
        write(A, enterprise);
        InMemoryBook expected = InMemoryBook.of(enterprise);
        BookOfBusiness stored = book(A);
        assertEquals(expected.carriers(), stored.carriers());
        assertEquals(headers(expected.invoices(LineQuery.ALL)), headers(stored.invoices(LineQuery.ALL)));
        assertEquals(expected.serviceMonths(LineQuery.ALL), stored.serviceMonths(LineQuery.ALL));
        for (String carrier : java.util.stream.Stream.concat(expected.carriers().stream(), java.util.stream.Stream.of((String) null, "no such carrier")).toList()) {
            assertEquals(expected.latestMonths(carrier, 12), stored.latestMonths(carrier, 12), "latest months of " + carrier);
            LineQuery latestRecurring = expected.latestMonths(carrier, 2).withCategory(ChargeCategory.RECURRING);
            assertEquals(expected.latestChargedMonth(latestRecurring), stored.latestChargedMonth(latestRecurring),
                    "latest month charged at " + carrier);
        }
        assertTrue(stored.latestChargedMonth(LineQuery.ALL).isPresent());
        LineQuery recurring = LineQuery.ALL.withCategory(ChargeCategory.RECURRING);
        assertEquals(expected.serviceMonths(recurring), stored.serviceMonths(recurring));
        List<org.bridgeline.api.detect.ServiceHistory> histories = StoreContract.<org.bridgeline.api.detect.ServiceHistory>collect(
                c -> expected.serviceHistories(LineQuery.ALL, c));
        assertEquals(histories, StoreContract.<org.bridgeline.api.detect.ServiceHistory>collect(c -> stored.serviceHistories(LineQuery.ALL, c)));
        assertEquals(histories, StoreContract.<org.bridgeline.api.detect.ServiceHistory>collect(c -> stored.serviceHistories(LineQuery.ALL, c)),
                "a second reader of the same histories");
        assertEquals(StoreContract.<org.bridgeline.api.detect.InvoiceTotal>collect(c -> expected.invoiceTotals(LineQuery.ALL, c)), StoreContract.<org.bridgeline.api.detect.InvoiceTotal>collect(c -> stored.invoiceTotals(LineQuery.ALL, c)));
        // the moves judged in SQL are the moves judged from the histories, at thresholds low enough that many months move
        List<String> expectedMoves = StoreContract.<org.bridgeline.api.detect.ServiceCostMove>collect(c -> expected.serviceCostMoves(LineQuery.ALL, 2,
                new BigDecimal("0.01"), new BigDecimal("1"), c)).stream().map(StoreContract::move).toList();
        assertFalse(expectedMoves.isEmpty(), "the enterprise has services whose cost moves");
        assertEquals(expectedMoves, StoreContract.<org.bridgeline.api.detect.ServiceCostMove>collect(c -> stored.serviceCostMoves(LineQuery.ALL, 2,
                new BigDecimal("0.01"), new BigDecimal("1"), c)).stream().map(StoreContract::move).toList());
        // several categories' lines in one pass are each category's lines, in the order of a pass over the book
        for (Set<ChargeCategory> kinds : List.of(EnumSet.of(ChargeCategory.TAX, ChargeCategory.SURCHARGE), EnumSet.of(ChargeCategory.USAGE),
                EnumSet.allOf(ChargeCategory.class), EnumSet.noneOf(ChargeCategory.class))) {
            for (String carrier : java.util.stream.Stream.concat(java.util.stream.Stream.of((String) null), expected.carriers().stream()).toList()) {
                LineQuery query = LineQuery.carrier(carrier);
                List<ChargeLine> inKinds = StoreContract.<ChargeLine>collect(c -> expected.linesIn(query, kinds, c));
                assertEquals(inKinds.size(), StoreContract.<ChargeLine>collect(c -> stored.lines(query, c)).stream()
                        .filter(line -> kinds.contains(line.category())).count(), "lines of " + kinds + " at " + carrier);
                assertEquals(inKinds, StoreContract.<ChargeLine>collect(c -> stored.linesIn(query, kinds, c)),
                        "lines of " + kinds + " at " + carrier);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> stored.linesIn(recurring, EnumSet.of(ChargeCategory.TAX), c -> { }));
        // the idle runs judged in SQL are those judged from the histories: over the whole book, and over each carrier's latest months
        Set<ServiceType> everyKind = EnumSet.allOf(ServiceType.class);
        int idle = 0;
        for (int months = 1; months <= 3; months++) {
            List<LineQuery> windows = new ArrayList<>(List.of(LineQuery.ALL));
            for (String carrier : expected.carriers()) {
                windows.add(expected.latestMonths(carrier, months + 1));
            }
            for (LineQuery window : windows) {
                int run = months;
                List<IdleService> judged = StoreContract.<IdleService>collect(c -> expected.idleServices(window, run, everyKind, c));
                assertEquals(judged, StoreContract.<IdleService>collect(c -> stored.idleServices(window, run, everyKind, c)),
                        "services idle " + months + " months in " + window);
                idle += judged.size();
            }
        }
        assertTrue(idle > 0, "the enterprise has idle services");
        Set<ServiceType> voice = EnumSet.of(ServiceType.VOICE_LINE, ServiceType.SIP);
        assertEquals(StoreContract.<IdleService>collect(c -> expected.idleServices(LineQuery.ALL, 2, voice, c)),
                StoreContract.<IdleService>collect(c -> stored.idleServices(LineQuery.ALL, 2, voice, c)), "idle voice services");
        assertEquals(List.of(), StoreContract.<IdleService>collect(c -> stored.idleServices(LineQuery.ALL, 2, Set.of(), c)));
        assertEquals(StoreContract.<org.bridgeline.api.detect.InvoiceCodeTotal>collect(c -> expected.invoiceCodeTotals(LineQuery.ALL, c)), StoreContract.<org.bridgeline.api.detect.InvoiceCodeTotal>collect(c -> stored.invoiceCodeTotals(LineQuery.ALL, c)));
        assertEquals(StoreContract.<org.bridgeline.api.detect.UsageByDestination>collect(c -> expected.usageByDestination(LineQuery.ALL, c)), StoreContract.<org.bridgeline.api.detect.UsageByDestination>collect(c -> stored.usageByDestination(LineQuery.ALL, c)));
        assertEquals(byPrice(StoreContract.<BilledPrice>collect(c -> expected.billedPrices(LineQuery.ALL, c))), byPrice(StoreContract.<BilledPrice>collect(c -> stored.billedPrices(LineQuery.ALL, c))));
        assertEquals(groups(expected.duplicateCandidates(LineQuery.ALL)), groups(stored.duplicateCandidates(LineQuery.ALL)));
        assertEquals(groups(expected.duplicateCandidates(LineQuery.ALL)),
                groups(StoreContract.<org.bridgeline.api.detect.DuplicateGroup>collect(c -> stored.duplicateCandidates(LineQuery.ALL, c))));
        Set<String> services = new TreeSet<>();
        enterprise.lines().stream().map(ChargeLine::serviceId).filter(id -> id != null).distinct().limit(11).forEach(services::add);
        assertEquals(StoreContract.<ChargeLine>collect(c -> expected.lines(recurring, services, c)), StoreContract.<ChargeLine>collect(c -> stored.lines(recurring, services, c)));
        assertEquals(enterprise.lines().size(), StoreContract.<ChargeLine>collect(c -> stored.lines(LineQuery.ALL, c)).size());
        assertEquals(new HashSet<>(enterprise.contracts()), new HashSet<>(stored.contracts(null)));
        Comparator<ExpectedService> byId = Comparator.comparing(ExpectedService::carrier).thenComparing(ExpectedService::serviceId);
        assertEquals(enterprise.expectedInventory().stream().sorted(byId).toList(), stored.expectedInventory());
        assertEquals(new HashSet<>(enterprise.orders()), new HashSet<>(stored.orders(null)));
        assertEquals(enterprise.requirements(), stored.requirements());
    }

    @Test
    void chargesRepeatedForTwoPeriodsOfOneStartAreTwoGroups() throws Exception {
        // two charges of one service, code, start and amount that end on different days, each billed twice: unless the lines
        // come ordered by the whole identity, each group is split by the other's lines and neither is found
        Period half = Period.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 15));
        Period whole = Period.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
        for (int bill = 1; bill <= 2; bill++) {
            InvoiceHeader header = invoice("INV-" + bill, LocalDate.of(2026, 1 + bill, 28));
            importLines(A, "repeated-" + bill, List.of(line(header, 1, "CKT-1", "10.00").toBuilder().chargePeriod(half).build(),
                    line(header, 2, "CKT-1", "10.00").toBuilder().chargePeriod(whole).build()));
        }
        List<org.bridgeline.api.detect.DuplicateGroup> groups = StoreContract.<org.bridgeline.api.detect.DuplicateGroup>collect(
                c -> book(A).duplicateCandidates(LineQuery.ALL, c));
        assertEquals(List.of(List.of(half, half), List.of(whole, whole)), groups.stream()
                .map(group -> group.lines().stream().map(ChargeLine::chargePeriod).toList()).toList());
    }

    @Test
    void idleServicesAreTheRunsTheHistoriesShow() throws Exception {
        InMemoryBook expected = new InMemoryBook();
        for (int month = 1; month <= 3; month++) {
            InvoiceHeader header = invoice("INV-" + month, java.time.YearMonth.of(2026, month).atEndOfMonth());
            List<ChargeLine> lines = new ArrayList<>();
            lines.add(typed(line(header, 1, "UNTYPED", "20.00"), ServiceType.OTHER, ChargeCategory.RECURRING));
            if (month == 3) {
                lines.add(typed(line(header, 2, "UNTYPED", "5.00"), ServiceType.OTHER, ChargeCategory.RECURRING));
            }
            // a service's kind is that of the first category (by name) whose lines state one: the one-time charge's
            lines.add(typed(line(header, 3, "TRUNK", "300.00"), ServiceType.SIP, ChargeCategory.RECURRING));
            if (month == 1) {
                lines.add(typed(line(header, 4, "TRUNK", "50.00"), ServiceType.PRI, ChargeCategory.ONE_TIME));
            }
            lines.add(typed(line(header, 5, "USED", "45.00"), ServiceType.VOICE_LINE, ChargeCategory.RECURRING));
            if (month == 2) {
                lines.add(typed(line(header, 6, "USED", "1.50"), ServiceType.VOICE_LINE, ChargeCategory.USAGE));
            }
            if (month != 2) {
                lines.add(typed(line(header, 7, "GAP", "45.00"), ServiceType.VOICE_LINE, ChargeCategory.RECURRING));
            }
            if (month != 3) {
                lines.add(typed(line(header, 8, "STOPPED", "45.00"), ServiceType.VOICE_LINE, ChargeCategory.RECURRING));
            } else {
                lines.add(typed(line(header, 8, "STOPPED", "0.40"), ServiceType.VOICE_LINE, ChargeCategory.TAX));
            }
            importLines(A, "idle-" + month, lines);
            lines.forEach(expected::add);
        }
        BookOfBusiness stored = book(A);
        Set<ServiceType> everyKind = EnumSet.allOf(ServiceType.class);
        java.time.YearMonth march = java.time.YearMonth.of(2026, 3);
        Money usd25 = Money.of("25", "USD");
        assertEquals(List.of(new IdleService("Acme Telecom", "ACC-1", "TRUNK", ServiceType.PRI, march.minusMonths(2), march, Money.of("300", "USD")),
                new IdleService("Acme Telecom", "ACC-1", "UNTYPED", ServiceType.OTHER, march.minusMonths(2), march, usd25)),
                StoreContract.<IdleService>collect(c -> stored.idleServices(LineQuery.ALL, 3, everyKind, c)),
                "used in February, missing in February, or no longer billed in March: not idle for three months");
        assertEquals(List.of("GAP", "TRUNK", "UNTYPED", "USED"), StoreContract.<IdleService>collect(c -> stored.idleServices(LineQuery.ALL, 1,
                everyKind, c)).stream().map(IdleService::serviceId).toList());
        assertEquals(List.of("UNTYPED"), StoreContract.<IdleService>collect(c -> stored.idleServices(LineQuery.ALL, 2,
                EnumSet.of(ServiceType.OTHER, ServiceType.SIP), c)).stream().map(IdleService::serviceId).toList(), "only the kinds asked for");
        for (int months = 1; months <= 4; months++) {
            int run = months;
            assertEquals(StoreContract.<IdleService>collect(c -> expected.idleServices(LineQuery.ALL, run, everyKind, c)),
                    StoreContract.<IdleService>collect(c -> stored.idleServices(LineQuery.ALL, run, everyKind, c)), "idle for " + months + " months");
        }
        assertThrows(IllegalArgumentException.class, () -> stored.idleServices(LineQuery.ALL, 0, everyKind, c -> { }));
    }

    private static ChargeLine typed(ChargeLine line, ServiceType type, ChargeCategory category) {
        return line.toBuilder().serviceType(type).category(category).build();
    }

    @Test
    void theLedgersSumsAgreeWithTheLinesTheyAreMadeOf() throws Exception {
        GeneratedEnterprise enterprise = SeededEnterprise.generate(7, 6);
        write(A, enterprise);
        Ledger ledger = ledger(A);

        // spend: every line, by the month it is charged for, per carrier and currency
        Map<List<Object>, BigDecimal> spend = new TreeMap<>(Comparator.comparing(Object::toString));
        Map<List<Object>, Long> lineCounts = new TreeMap<>(Comparator.comparing(Object::toString));
        for (ChargeLine line : enterprise.lines()) {
            List<Object> key = List.of(java.time.YearMonth.from(line.chargedOn()), line.carrier(), line.amount().currency().getCurrencyCode());
            spend.merge(key, line.amount().amount(), BigDecimal::add);
            lineCounts.merge(key, 1L, Long::sum);
        }
        List<org.bridgeline.store.MonthlySpend> stored = ledger.monthlySpend(LineQuery.ALL);
        assertEquals(spend.size(), stored.size());
        for (org.bridgeline.store.MonthlySpend month : stored) {
            List<Object> key = List.of(month.month(), month.carrier(), month.total().currency().getCurrencyCode());
            assertEquals(0, spend.get(key).compareTo(month.total().amount()), "spend of " + key);
            assertEquals(lineCounts.get(key), month.lines(), "lines of " + key);
        }
        assertEquals(stored.stream().map(m -> List.of(m.month(), m.carrier())).sorted(Comparator.comparing(Object::toString)).toList(),
                stored.stream().map(m -> List.of(m.month(), m.carrier())).toList(), "by month then carrier");

        // an inventory page is the whole inventory, selected and cut in the store
        List<org.bridgeline.store.InventoryItem> all = ledger.inventory(LineQuery.ALL);
        org.bridgeline.store.InventoryPage page = ledger.inventory(new org.bridgeline.store.InventorySelection(LineQuery.ALL, null, null), 0, 5);
        assertEquals(all.size(), page.matching());
        assertEquals(all.subList(0, 5), page.services());
        assertEquals(all.subList(5, 10), ledger.inventory(new org.bridgeline.store.InventorySelection(LineQuery.ALL, null, null), 5, 5).services());
        assertEquals(all.subList(all.size() - 2, all.size()), ledger.inventory(new org.bridgeline.store.InventorySelection(LineQuery.ALL, null, null),
                all.size() - 2, 5).services(), "the last page holds what is left");
        org.bridgeline.store.InventoryItem sample = all.get(all.size() / 2);
        String sitePart = sample.site().substring(1, Math.min(sample.site().length(), 4)).toUpperCase(java.util.Locale.ROOT);
        List<org.bridgeline.store.InventoryItem> selected = all.stream().filter(item -> item.carrier().equals(sample.carrier())
                && item.serviceType() == sample.serviceType() && item.site() != null
                && item.site().toLowerCase(java.util.Locale.ROOT).contains(sitePart.toLowerCase(java.util.Locale.ROOT))).toList();
        org.bridgeline.store.InventoryPage narrowed = ledger.inventory(new org.bridgeline.store.InventorySelection(
                LineQuery.carrier(sample.carrier()), sample.serviceType(), sitePart), 0, 1000);
        assertEquals(selected, narrowed.services());
        assertEquals(selected.size(), narrowed.matching());
        assertEquals(0, ledger.inventory(new org.bridgeline.store.InventorySelection(LineQuery.ALL, null, "%"), 0, 10).matching(),
                "a site text is matched as text, not as a pattern");

        // finding totals per kind: the run's findings, summed
        ChargeLine cited = enterprise.lines().get(0);
        List<Finding> findings = List.of(
                new Finding("late-fees", "late-fee", Severity.LOW, cited.carrier(), cited.serviceId(), List.of(cited), Money.of("1.10", "USD"),
                        Money.of("13.20", "USD"), "a fee", RecommendedAction.DISPUTE_FOR_CREDIT, Money.of("1.10", "USD")),
                new Finding("late-fees", "late-fee", Severity.LOW, cited.carrier(), cited.serviceId(), List.of(cited), Money.of("2.05", "USD"),
                        Money.of("24.60", "USD"), "a fee", RecommendedAction.DISPUTE_FOR_CREDIT),
                new Finding("above-benchmark", "above-benchmark", Severity.HIGH, cited.carrier(), cited.serviceId(), List.of(cited),
                        Money.of("100", "USD"), Money.of("1200", "USD"), "dear", RecommendedAction.RENEGOTIATE));
        AuditRunRecord run = stores.audits().saveAuditRun(A, Instant.now(), List.of("late-fees", "above-benchmark"), findings);
        List<org.bridgeline.store.FindingTotal> totals = stores.audits().findingTotals(A, run.runId());
        assertEquals(List.of("above-benchmark", "late-fee"), totals.stream().map(org.bridgeline.store.FindingTotal::kind).toList());
        assertEquals(1, totals.get(0).findings());
        assertEquals(0, new BigDecimal("1200").compareTo(totals.get(0).annual().amount()));
        assertEquals(0, totals.get(0).recoverable().amount().signum());
        assertEquals(2, totals.get(1).findings());
        assertEquals(0, new BigDecimal("3.15").compareTo(totals.get(1).monthly().amount()));
        assertEquals(0, new BigDecimal("37.80").compareTo(totals.get(1).annual().amount()));
        assertEquals(0, new BigDecimal("1.10").compareTo(totals.get(1).recoverable().amount()));

        // the revision: the same while nothing changes, another after an import or new contracts
        String before = ledger.revision();
        assertEquals(before, ledger.revision());
        importLines(A, "another-file", List.of(line(invoice("R-1", LocalDate.of(2030, 1, 31)), 1, "SVC-R", "10.00")));
        String afterImport = ledger.revision();
        assertNotEquals(before, afterImport);
        stores.inputs().saveContracts(A, "contracts-2.json", enterprise.contracts());
        assertNotEquals(afterImport, ledger.revision());

        Ledger other = ledger(B);
        assertEquals(List.of(), other.monthlySpend(LineQuery.ALL));
        assertEquals(0, other.inventory(new org.bridgeline.store.InventorySelection(LineQuery.ALL, null, null), 0, 10).matching());
        assertEquals(List.of(), stores.audits().findingTotals(B, run.runId()));
        assertNotEquals(ledger.revision(), other.revision());
    }

    private static List<List<Object>> headers(List<InvoiceHeader> headers) {
        return headers.stream().map(h -> List.<Object>of(h.carrier(), h.account(), h.number(), h.date()))
                .sorted(Comparator.comparing(Object::toString)).toList();
    }

    /** A price per service and code with the days it spans: a store may split one price by the amounts it came from. */
    private static Map<String, List<Object>> byPrice(List<BilledPrice> prices) {
        Map<String, List<Object>> merged = new TreeMap<>();
        for (BilledPrice price : prices) {
            String key = String.join("|", price.carrier(), price.account(), String.valueOf(price.serviceId()), String.valueOf(price.chargeCode()),
                    price.category().name(), price.pricePerUnit().amount().stripTrailingZeros().toPlainString());
            merged.merge(key, List.of(price.firstCharged(), price.lastCharged(), price.lines()), (a, b) -> List.of(
                    ((LocalDate) a.get(0)).isBefore((LocalDate) b.get(0)) ? a.get(0) : b.get(0),
                    ((LocalDate) a.get(1)).isAfter((LocalDate) b.get(1)) ? a.get(1) : b.get(1), (Long) a.get(2) + (Long) b.get(2)));
        }
        return merged;
    }

    private static Set<List<Object>> groups(List<org.bridgeline.api.detect.DuplicateGroup> groups) {
        Set<List<Object>> keys = new HashSet<>();
        for (var group : groups) {
            ChargeLine first = group.lines().get(0);
            keys.add(List.of(first.carrier(), String.valueOf(first.serviceId()), String.valueOf(first.chargeCode()), group.lines().size()));
        }
        return keys;
    }

    // ---- disputes --------------------------------------------------------------------------------

    private static org.bridgeline.store.DisputedFinding disputed(long findingId, String key, String claimed) {
        return new org.bridgeline.store.DisputedFinding(findingId, "duplicate-charge", "SVC-" + findingId, "DIA100", key, Money.of(claimed, "USD"),
                Money.of(claimed, "USD"), "billed twice", null);
    }

    private static org.bridgeline.store.DisputeEvent event(org.bridgeline.store.DisputeState from, org.bridgeline.store.DisputeState to, String note) {
        return new org.bridgeline.store.DisputeEvent(Instant.parse("2026-01-05T10:00:00Z"), "console", from, to, note);
    }

    @Test
    void aDisputeKeepsItsFindingsHistoryAndCreditsAndHoldsItsAnomaliesAlone() throws Exception {
        org.bridgeline.store.DisputeStore disputes = stores.disputes();
        org.bridgeline.store.DisputeRecord opened = disputes.open(A, "Acme", "AC-1", List.of(disputed(11, "dup|Acme|SVC-11", "100.25"),
                disputed(12, "dup|Acme|SVC-12", "50.00")), event(null, org.bridgeline.store.DisputeState.DRAFT, "two duplicates"));
        assertEquals(org.bridgeline.store.DisputeState.DRAFT, opened.state());
        assertEquals(0, new BigDecimal("150.25").compareTo(opened.claimed().amount()));
        assertEquals(2, opened.findings().size());
        assertEquals("dup|Acme|SVC-11", opened.findings().get(0).anomalyKey());
        assertEquals(java.util.Optional.of(opened), disputes.dispute(A, opened.disputeId()));
        assertEquals(null, opened.submittedAt());

        // an anomaly an open dispute holds cannot be claimed again
        org.bridgeline.store.DisputeConflictException held = org.junit.jupiter.api.Assertions.assertThrows(
                org.bridgeline.store.DisputeConflictException.class, () -> disputes.open(A, "Acme", "AC-1",
                        List.of(disputed(21, "dup|Acme|SVC-12", "50.00")), event(null, org.bridgeline.store.DisputeState.DRAFT, null)));
        assertTrue(held.getMessage().contains("open dispute " + opened.disputeId()), held.getMessage());

        org.bridgeline.store.DisputeRecord submitted = disputes.change(A, opened.disputeId(), org.bridgeline.store.DisputeState.DRAFT,
                event(org.bridgeline.store.DisputeState.DRAFT, org.bridgeline.store.DisputeState.SUBMITTED, "sent"), List.of(), List.of());
        assertEquals(org.bridgeline.store.DisputeState.SUBMITTED, submitted.state());
        assertEquals(Instant.parse("2026-01-05T10:00:00Z"), submitted.submittedAt());
        // a change from a state the dispute has left is refused
        org.junit.jupiter.api.Assertions.assertThrows(org.bridgeline.store.DisputeConflictException.class, () -> disputes.change(A,
                opened.disputeId(), org.bridgeline.store.DisputeState.DRAFT, event(org.bridgeline.store.DisputeState.DRAFT,
                        org.bridgeline.store.DisputeState.SUBMITTED, "again"), List.of(), List.of()));

        org.bridgeline.store.DisputeCredit credit = new org.bridgeline.store.DisputeCredit(0, "INV-2#bill.edi#7", "INV-2", LocalDate.of(2026, 1, 31),
                "SVC-11", "CRDT", "credit", Money.of("-100.25", "USD"), Money.of("100.25", "USD"), "bill.edi", 7,
                org.bridgeline.store.DisputeCredit.Status.APPLIED, "service and amount");
        org.bridgeline.store.DisputeCredit proposal = new org.bridgeline.store.DisputeCredit(0, "INV-2#bill.edi#8", "INV-2", LocalDate.of(2026, 1, 31),
                null, null, "goodwill", Money.of("-50.00", "USD"), Money.of("50.00", "USD"), "bill.edi", 8,
                org.bridgeline.store.DisputeCredit.Status.PROPOSED, "amount only, two disputes");
        org.bridgeline.store.DisputeRecord partly = disputes.change(A, opened.disputeId(), org.bridgeline.store.DisputeState.SUBMITTED,
                event(org.bridgeline.store.DisputeState.SUBMITTED, org.bridgeline.store.DisputeState.PARTIALLY_CREDITED, "credit found"),
                List.of(credit, proposal), List.of());
        assertEquals(List.of(1, 2), partly.credits().stream().map(org.bridgeline.store.DisputeCredit::seq).toList());
        assertEquals(2, disputes.change(A, opened.disputeId(), org.bridgeline.store.DisputeState.PARTIALLY_CREDITED, event(
                org.bridgeline.store.DisputeState.PARTIALLY_CREDITED, org.bridgeline.store.DisputeState.PARTIALLY_CREDITED, "matched again"),
                List.of(proposal), List.of()).credits().size(), "a line the dispute holds is not added twice");
        assertEquals(0, new BigDecimal("100.25").compareTo(partly.credited().amount()), "a proposal is not credited");
        assertEquals(0, new BigDecimal("50").compareTo(partly.outstanding().amount()));
        org.bridgeline.store.DisputeRecord credited = disputes.change(A, opened.disputeId(), org.bridgeline.store.DisputeState.PARTIALLY_CREDITED,
                event(org.bridgeline.store.DisputeState.PARTIALLY_CREDITED, org.bridgeline.store.DisputeState.CREDITED, "confirmed"), List.of(),
                List.of(partly.credits().get(1).decided(org.bridgeline.store.DisputeCredit.Status.APPLIED, "confirmed by console")));
        assertEquals(0, credited.outstanding().amount().signum());
        assertEquals("confirmed by console", credited.credits().get(1).reason());
        assertEquals(List.of("DRAFT", "SUBMITTED", "PARTIALLY_CREDITED", "PARTIALLY_CREDITED", "CREDITED"),
                credited.history().stream().map(e -> e.to().name()).toList());
        assertEquals(null, credited.history().get(0).from());

        // later bills without the charge: the finding is resolved from that day, and each month since counts as cost avoided
        org.bridgeline.store.DisputeRecord resolved = disputes.resolve(A, opened.disputeId(), Map.of(11L, LocalDate.of(2026, 2, 28)),
                event(org.bridgeline.store.DisputeState.CREDITED, org.bridgeline.store.DisputeState.CREDITED, "no longer billed"));
        assertEquals(LocalDate.of(2026, 2, 28), resolved.findings().get(0).resolvedOn());
        assertEquals(null, resolved.findings().get(1).resolvedOn());
        assertEquals(0, new BigDecimal("300.75").compareTo(resolved.costAvoided(LocalDate.of(2026, 4, 1)).amount()), "February to April");
        assertEquals(org.bridgeline.store.DisputeState.CREDITED, resolved.state());

        // once credited, the anomaly may be disputed again; a denied dispute reopened may not take it back
        org.bridgeline.store.DisputeRecord second = disputes.open(A, "Acme", "AC-1", List.of(disputed(31, "dup|Acme|SVC-12", "50.00")),
                event(null, org.bridgeline.store.DisputeState.SUBMITTED, "again"));
        assertEquals(org.bridgeline.store.DisputeState.SUBMITTED, second.state());
        org.bridgeline.store.DisputeRecord third = disputes.open(A, "Acme", "AC-1", List.of(disputed(41, "dup|Acme|SVC-41", "9.00")),
                event(null, org.bridgeline.store.DisputeState.SUBMITTED, null));
        disputes.change(A, third.disputeId(), org.bridgeline.store.DisputeState.SUBMITTED, event(org.bridgeline.store.DisputeState.SUBMITTED,
                org.bridgeline.store.DisputeState.DENIED, "carrier says no"), List.of(), List.of());
        disputes.open(A, "Acme", "AC-1", List.of(disputed(42, "dup|Acme|SVC-41", "9.00")), event(null, org.bridgeline.store.DisputeState.DRAFT, null));
        org.junit.jupiter.api.Assertions.assertThrows(org.bridgeline.store.DisputeConflictException.class, () -> disputes.change(A,
                third.disputeId(), org.bridgeline.store.DisputeState.DENIED, event(org.bridgeline.store.DisputeState.DENIED,
                        org.bridgeline.store.DisputeState.SUBMITTED, "reopen"), List.of(), List.of()));
        assertEquals(4, disputes.disputes(A).size());
        assertEquals(second.disputeId() + 2, disputes.disputes(A).get(0).disputeId(), "newest first");

        assertEquals(List.of(), disputes.disputes(B));
        assertTrue(disputes.dispute(B, opened.disputeId()).isEmpty());
        org.junit.jupiter.api.Assertions.assertThrows(StoreException.class, () -> disputes.change(B, opened.disputeId(),
                org.bridgeline.store.DisputeState.CREDITED, event(org.bridgeline.store.DisputeState.CREDITED,
                        org.bridgeline.store.DisputeState.ESCALATED, null), List.of(), List.of()));
        // tenant B's own dispute of the same anomaly is no conflict
        disputes.open(B, "Acme", "AC-1", List.of(disputed(11, "dup|Acme|SVC-12", "50.00")), event(null, org.bridgeline.store.DisputeState.DRAFT, null));
    }

    // ---- audit runs written as detectors find ----------------------------------------------------

    @Test
    void aStreamedRunKeepsDetectorOrderDropsAWithdrawnDetectorAndLeavesNothingUnlessCommitted() throws Exception {
        AdversarialEnterprise enterprise = AdversarialEnterprise.generate(3, 12);
        write(A, enterprise);
        ChargeLine cited = enterprise.lines().get(0);
        ChargeLine other = enterprise.lines().get(1);
        java.util.function.BiFunction<String, Integer, Finding> finding = (detector, n) -> new Finding(detector, detector, Severity.LOW,
                cited.carrier(), detector + "-" + n, List.of(cited, other), Money.of("1.00", "USD"), Money.of("12.00", "USD"), "n " + n,
                RecommendedAction.REVIEW);
        Optional<AuditRunRecord> before = stores.audits().latestAuditRun(A);
        try (AuditStore.AuditRunWriter abandoned = stores.audits().beginAuditRun(A, Instant.now(), List.of("a"))) {
            abandoned.add("a", finding.apply("a", 1));
        }
        assertEquals(before, stores.audits().latestAuditRun(A), "a run closed without commit leaves nothing");

        AuditRunRecord run;
        // more than one block of ids and one flush, added by two detector threads at once
        int many = 12_345;
        ExecutorService detectors = Executors.newFixedThreadPool(2);
        try (AuditStore.AuditRunWriter writer = stores.audits().beginAuditRun(A, Instant.now(), List.of("a", "b", "c"))) {
            List<Future<Object>> added = new ArrayList<>();
            for (String detector : List.of("c", "b")) {
                added.add(detectors.submit(() -> {
                    for (int n = 0; n < many; n++) {
                        writer.add(detector, finding.apply(detector, n));
                    }
                    return null;
                }));
            }
            for (int n = 0; n < 3; n++) {
                writer.add("a", finding.apply("a", n));
            }
            for (Future<Object> detector : added) {
                detector.get();
            }
            writer.withdraw("b");
            assertEquals(many + 3, writer.findings());
            run = writer.commit();
        } finally {
            detectors.shutdown();
        }
        assertEquals(many + 3, run.findings());
        assertEquals(Optional.of(run), stores.audits().latestAuditRun(A));
        List<StoredFinding> stored = stores.audits().findings(A, run.runId());
        assertEquals(many + 3, stored.size());
        assertEquals(List.of("a-0", "a-1", "a-2", "c-0", "c-1"), stored.subList(0, 5).stream().map(f -> f.finding().serviceId()).toList());
        assertEquals("c-" + (many - 1), stored.get(stored.size() - 1).finding().serviceId());
        assertEquals(finding.apply("c", 7), stored.get(10).finding(), "the finding and its evidence read back as written");
        assertEquals(List.of("a", "c"), stores.audits().findingTotals(A, run.runId()).stream().map(org.bridgeline.store.FindingTotal::kind).toList());
    }

    // ---- tenants ---------------------------------------------------------------------------------

    @Test
    void whatOneTenantWritesTheOtherNeverReadsThroughAnyMethod() throws Exception {
        AdversarialEnterprise enterprise = AdversarialEnterprise.generate(3, 12);
        write(A, enterprise);
        ChargeLine cited = enterprise.lines().get(0);
        AuditRunRecord run = stores.audits().saveAuditRun(A, Instant.now(), List.of("late-fees"), List.of(new Finding("late-fees", "late-fee",
                Severity.LOW, cited.carrier(), cited.serviceId(), List.of(cited), cited.amount(), cited.amount(), "a fee",
                RecommendedAction.DISPUTE_FOR_CREDIT)));
        long findingId = stores.audits().findings(A, run.runId()).get(0).findingId();
        long invoiceId = ledger(A).invoices(LineQuery.ALL).get(0).invoiceId();
        String hash = stores.imports().imports(A).get(0).contentHash();
        assertFalse(book(A).carriers().isEmpty(), "tenant A has a book");

        BookOfBusiness other = book(B);
        assertEquals(List.of(), other.carriers());
        assertEquals(List.of(), other.invoices(LineQuery.ALL));
        assertEquals(List.of(), StoreContract.<ChargeLine>collect(c -> other.lines(LineQuery.ALL, c)));
        Collection<String> services = enterprise.lines().stream().map(ChargeLine::serviceId).filter(id -> id != null).distinct().toList();
        assertEquals(List.of(), StoreContract.<ChargeLine>collect(c -> other.lines(LineQuery.ALL, services, c)));
        assertEquals(List.of(), other.serviceMonths(LineQuery.ALL));
        assertEquals(List.of(), StoreContract.<org.bridgeline.api.detect.ServiceMonth>collect(c -> other.serviceMonths(LineQuery.ALL, c)));
        assertEquals(List.of(), StoreContract.<org.bridgeline.api.detect.ServiceHistory>collect(c -> other.serviceHistories(LineQuery.ALL, c)));
        assertEquals(List.of(), StoreContract.<BilledPrice>collect(c -> other.billedPrices(LineQuery.ALL, c)));
        assertEquals(List.of(), StoreContract.<org.bridgeline.api.detect.InvoiceTotal>collect(c -> other.invoiceTotals(LineQuery.ALL, c)));
        assertEquals(List.of(), StoreContract.<org.bridgeline.api.detect.InvoiceCodeTotal>collect(c -> other.invoiceCodeTotals(LineQuery.ALL, c)));
        assertEquals(List.of(), StoreContract.<org.bridgeline.api.detect.ServiceCostMove>collect(c -> other.serviceCostMoves(LineQuery.ALL, 1,
                BigDecimal.ZERO, BigDecimal.ZERO, c)));
        assertEquals(List.of(), StoreContract.<org.bridgeline.api.detect.UsageByDestination>collect(c -> other.usageByDestination(LineQuery.ALL, c)));
        assertEquals(List.of(), other.duplicateCandidates(LineQuery.ALL));
        assertEquals(List.of(), other.contracts(null));
        assertEquals(List.of(), other.expectedInventory());
        assertEquals(List.of(), other.orders(null));
        assertEquals(List.of(), other.requirements());
        Ledger otherLedger = ledger(B);
        assertEquals(List.of(), otherLedger.invoices(LineQuery.ALL));
        assertEquals(List.of(), otherLedger.invoicesNumbered(cited.invoiceNumber()));
        assertEquals(List.of(), StoreContract.<ChargeLine>collect(c -> unchecked(() -> otherLedger.lines(LineQuery.ALL, c))));
        assertEquals(List.of(), StoreContract.<ChargeLine>collect(c -> unchecked(() -> otherLedger.linesOf(invoiceId, c))));
        assertEquals(List.of(), otherLedger.totalsByCategory(LineQuery.ALL));
        assertEquals(List.of(), otherLedger.inventory(LineQuery.ALL));
        assertEquals(List.of(), stores.imports().imports(B));
        assertTrue(stores.imports().findImport(B, hash).isEmpty());
        assertTrue(stores.audits().latestAuditRun(B).isEmpty());
        assertEquals(List.of(), stores.audits().findings(B, run.runId()));
        assertTrue(stores.audits().finding(B, findingId).isEmpty());
        // the same bill is B's own to import, and a new contract of B's changes nothing of A's
        importLines(B, hash, enterprise.lines().subList(0, 3));
        assertNotEquals(stores.imports().findImport(A, hash).orElseThrow().importId(), stores.imports().findImport(B, hash).orElseThrow().importId());
        assertEquals(enterprise.lines().size(), StoreContract.<ChargeLine>collect(c -> book(A).lines(LineQuery.ALL, c)).size());
    }

    private interface Read {
        void run() throws StoreException;
    }

    private static void unchecked(Read read) {
        try {
            read.run();
        } catch (StoreException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- at the same time ---------------------------------------------------------------------------

    @Test
    void filesImportedAtTheSameTimeAreEachStoredWholeAndOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> imports = new ArrayList<>();
            for (int file = 0; file < 4; file++) {
                int n = file;
                imports.add(pool.submit(() -> {
                    List<ChargeLine> lines = new ArrayList<>();
                    for (int month = 1; month <= 6; month++) {
                        InvoiceHeader header = invoice("F" + n + "-INV-" + month, LocalDate.of(2026, month, 28));
                        for (int i = 0; i < 200; i++) {
                            lines.add(line(header, i + 2, "CKT-" + n + "-" + i % 20, "10.00"));
                        }
                    }
                    return importLines(A, "hash-file-" + n, lines);
                }));
            }
            for (Future<Long> done : imports) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(24, ledger(A).invoices(LineQuery.ALL).size());
        assertEquals(4 * 6 * 200, StoreContract.<ChargeLine>collect(c -> book(A).lines(LineQuery.ALL, c)).size());
        assertEquals(4, stores.imports().imports(A).size());
    }

    @Test
    void anAuditReadsAndStoresWhileAnImportWrites() throws Exception {
        write(A, SeededEnterprise.generate(7, 4));
        int before = book(A).serviceMonths(LineQuery.ALL).size();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Long> importing = pool.submit(() -> {
                List<ChargeLine> lines = new ArrayList<>();
                for (int month = 1; month <= 12; month++) {
                    InvoiceHeader header = invoice("LATE-" + month, LocalDate.of(2027, month, 28));
                    for (int i = 0; i < 500; i++) {
                        lines.add(line(header, i + 2, "NEW-" + i % 50, "5.00"));
                    }
                }
                return importLines(A, "hash-late", lines);
            });
            Callable<AuditRunRecord> auditing = () -> {
                BookOfBusiness book = book(A);
                List<Finding> findings = new ArrayList<>();
                book.serviceHistories(LineQuery.ALL, history -> { });
                book.billedPrices(LineQuery.ALL, price -> { });
                ChargeLine any = StoreContract.<ChargeLine>collect(c -> book.lines(LineQuery.carrier(SeededEnterprise.ACME), c)).get(0);
                findings.add(new Finding("cost-variance", "cost-variance", Severity.LOW, any.carrier(), any.serviceId(), List.of(any),
                        any.amount(), any.amount(), "seen while importing", RecommendedAction.REVIEW));
                return stores.audits().saveAuditRun(A, Instant.now(), List.of("cost-variance"), findings);
            };
            AuditRunRecord run = pool.submit(auditing).get();
            importing.get();
            assertEquals(1, stores.audits().findings(A, run.runId()).size());
        } finally {
            pool.shutdown();
        }
        assertTrue(book(A).serviceMonths(LineQuery.ALL).size() > before, "the import landed whole");
    }
}
