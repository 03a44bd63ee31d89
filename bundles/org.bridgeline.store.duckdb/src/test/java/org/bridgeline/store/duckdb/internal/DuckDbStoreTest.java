package org.bridgeline.store.duckdb.internal;

import static org.bridgeline.store.Tenants.DEFAULT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Money;
import org.bridgeline.store.InventoryItem;
import org.bridgeline.store.InvoiceWriter;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredInvoice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbStoreTest {

    @TempDir
    Path folder;
    OpenStore store;

    @BeforeEach
    void open() {
        store = new OpenStore(folder.resolve("data/bridgeline.duckdb"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private StoredInvoice store(long importId, InvoiceHeader header, List<ChargeLine> lines, String stated) throws StoreException {
        try (InvoiceWriter writer = store.imports.writeInvoice(DEFAULT, importId, header)) {
            for (ChargeLine line : lines) {
                writer.append(line);
            }
            return writer.commit(stated == null ? null : Money.of(stated, "USD"));
        }
    }

    @Test
    void anInvoiceIsStoredWholeAndReadBackExactly() throws Exception {
        long importId = store.imports.beginImport(DEFAULT, "bill-1.csv", "hash-1", "test");
        InvoiceHeader header = Lines.header("INV-1", LocalDate.of(2026, 3, 1));
        List<ChargeLine> lines = List.of(
                Lines.line(header, 2, "CKT-1", ChargeCategory.RECURRING, "DIA100", "1200.10"),
                Lines.line(header, 3, "CKT-1", ChargeCategory.TAX, "FUSF", "0.333333"),
                Lines.line(header, 4, "CKT-2", ChargeCategory.CREDIT, "CR", "-50"));
        StoredInvoice stored = store(importId, header, lines, "1150.433333");
        assertEquals(3, stored.lines());
        assertEquals(1, stored.revision());
        assertEquals(1, store.imports.finishImport(DEFAULT, importId).invoices());

        List<ChargeLine> read = new ArrayList<>();
        store.ledger().lines(LineQuery.ALL, read::add);
        assertEquals(lines, read, "every component, exact amounts, source positions");
        StoredInvoice back = store.ledger().invoices(LineQuery.ALL).get(0);
        assertEquals(header, back.header());
        assertEquals("1150.433333 USD", back.lineTotal().toString());
        assertEquals("1150.433333 USD", back.statedTotal().toString());
        assertTrue(store.imports.findImport(DEFAULT, "hash-1").isPresent());
    }

    @Test
    void aRolledBackInvoiceLeavesNoTrace() throws Exception {
        long importId = store.imports.beginImport(DEFAULT, "bill-2.csv", "hash-2", "test");
        InvoiceHeader header = Lines.header("INV-2", LocalDate.of(2026, 3, 1));
        try (InvoiceWriter writer = store.imports.writeInvoice(DEFAULT, importId, header)) {
            for (int i = 0; i < 5000; i++) {
                writer.append(Lines.line(header, i + 2, "CKT-" + i, ChargeCategory.USAGE, "MIN", "0.01"));
            }
            // closed without a commit
        }
        assertEquals(List.of(), store.ledger().invoices(LineQuery.ALL));
        assertEquals(0, countLines());
        store.imports.finishImport(DEFAULT, importId);
        assertTrue(store.imports.findImport(DEFAULT, "hash-2").isEmpty(), "an import that stored nothing can be retried");
    }

    @Test
    void aCorrectedReissueSupersedesTheFirstIssue() throws Exception {
        InvoiceHeader header = Lines.header("INV-3", LocalDate.of(2026, 4, 1));
        long first = store.imports.beginImport(DEFAULT, "a.csv", "hash-a", "test");
        StoredInvoice original = store(first, header, List.of(Lines.line(header, 2, "CKT-1", ChargeCategory.RECURRING, "X", "100")), null);
        store.imports.finishImport(DEFAULT, first);
        long second = store.imports.beginImport(DEFAULT, "a-corrected.csv", "hash-b", "test");
        StoredInvoice corrected = store(second, header, List.of(Lines.line(header, 2, "CKT-1", ChargeCategory.RECURRING, "X", "90")), null);
        store.imports.finishImport(DEFAULT, second);

        assertEquals(2, corrected.revision());
        assertEquals(original.invoiceId(), corrected.supersedes());
        List<StoredInvoice> current = store.ledger().invoices(LineQuery.ALL);
        assertEquals(1, current.size());
        assertEquals("90.00 USD", current.get(0).lineTotal().toString());
        assertEquals(1, countLinesOfCurrentInvoices());
    }

    @Test
    void amountsAreStoredExactlyOrRefused() throws Exception {
        long importId = store.imports.beginImport(DEFAULT, "x.csv", "hash-x", "test");
        InvoiceHeader header = Lines.header("INV-4", LocalDate.of(2026, 5, 1));
        try (InvoiceWriter writer = store.imports.writeInvoice(DEFAULT, importId, header)) {
            StoreException error = assertThrows(StoreException.class,
                    () -> writer.append(Lines.line(header, 7, "CKT-1", ChargeCategory.USAGE, "MIN", "0.0000001")));
            assertEquals("bill-INV-4.csv record 7 (line 7): field \"amount\": expected at most 6 decimal places, found 0.0000001",
                    error.getMessage());
        }
    }

    @Test
    void theInventoryIsDerivedFromTheLines() throws Exception {
        long importId = store.imports.beginImport(DEFAULT, "inv.csv", "hash-inv", "test");
        InvoiceHeader march = Lines.header("INV-M", LocalDate.of(2026, 3, 1));
        InvoiceHeader april = Lines.header("INV-A", LocalDate.of(2026, 4, 1));
        store(importId, march, List.of(Lines.line(march, 2, "CKT-1", ChargeCategory.RECURRING, "DIA100", "500"),
                Lines.line(march, 3, "CKT-1", ChargeCategory.RECURRING, "STATICIP", "25")), null);
        store(importId, april, List.of(Lines.line(april, 2, "CKT-1", ChargeCategory.RECURRING, "DIA100", "510"),
                Lines.line(april, 3, "CKT-1", ChargeCategory.USAGE, "BURST", "12.50"),
                Lines.line(april, 4, "CKT-2", ChargeCategory.RECURRING, "DIA100", "300")), null);
        List<InventoryItem> inventory = store.ledger().inventory(LineQuery.ALL);
        assertEquals(2, inventory.size());
        InventoryItem first = inventory.get(0);
        assertEquals("CKT-1", first.serviceId());
        assertEquals(LocalDate.of(2026, 3, 1), first.firstBilled());
        assertEquals(LocalDate.of(2026, 4, 1), first.lastBilled());
        assertEquals("510.00 USD", first.monthlyRecurring().toString(), "recurring cost of the latest invoice");
        assertEquals("12.50 USD", first.usage().toString());
        assertEquals(List.of("BURST", "DIA100", "STATICIP"), first.chargeCodes());
        assertEquals(4, first.lines());
        assertEquals("1347.50 USD", store.ledger().totalsByCategory(LineQuery.ALL).stream()
                .map(total -> total.total()).reduce(Money::plus).orElseThrow().toString());
    }

    @Test
    void repeatedChargesAndMonthlyTotalsAreComputedInTheStore() throws Exception {
        long importId = store.imports.beginImport(DEFAULT, "dup.csv", "hash-dup", "test");
        InvoiceHeader march = Lines.header("INV-D1", LocalDate.of(2026, 3, 1));
        store(importId, march, List.of(
                Lines.line(march, 2, "CKT-1", ChargeCategory.RECURRING, "DIA100", "500"),
                Lines.line(march, 3, "CKT-1", ChargeCategory.RECURRING, "DIA100", "500"),
                Lines.line(march, 4, "CKT-1", ChargeCategory.RECURRING, "STATICIP", "25"),
                Lines.line(march, 5, "CKT-2", ChargeCategory.RECURRING, "DIA100", "500"),
                Lines.line(march, 6, "CKT-1", ChargeCategory.USAGE, "BURST", "7.50")), null);
        var groups = store.book().duplicateCandidates(LineQuery.ALL);
        assertEquals(1, groups.size(), "the same circuit, code, period and amount twice; CKT-2's equal amount is another service");
        assertEquals(List.of(2L, 3L), groups.get(0).lines().stream().map(line -> line.source().record()).toList());

        var months = store.book().serviceMonths(LineQuery.ALL);
        var ckt1Recurring = months.stream().filter(m -> m.serviceId().equals("CKT-1") && m.category() == ChargeCategory.RECURRING)
                .findFirst().orElseThrow();
        assertEquals(java.time.YearMonth.of(2026, 3), ckt1Recurring.month());
        assertEquals(Money.of("1025", "USD"), ckt1Recurring.total());
        assertEquals(3, ckt1Recurring.lines());

        List<ChargeLine> usage = new ArrayList<>();
        store.ledger().lines(LineQuery.ALL.withCategory(ChargeCategory.USAGE), usage::add);
        assertEquals(1, usage.size());
    }

    @Test
    void anAuditRunIsStoredWithItsFindingsAndTheirEvidence() throws Exception {
        InvoiceHeader header = Lines.header("INV-F", LocalDate.of(2026, 3, 1));
        ChargeLine cited = Lines.line(header, 9, "CKT-9", ChargeCategory.ADJUSTMENT, "LATE-FEE", "35.00");
        var finding = new org.bridgeline.api.model.Finding("late-fees", "late-fee", org.bridgeline.api.model.Severity.LOW, "Acme Telecom",
                "CKT-9", List.of(cited), Money.of("35.00", "USD"), Money.of("35.00", "USD"), "A late fee of 35.00 USD was billed.",
                org.bridgeline.api.model.RecommendedAction.DISPUTE_FOR_CREDIT, Money.of("35.00", "USD"));
        var run = store.audits.saveAuditRun(DEFAULT, java.time.Instant.now(), List.of("late-fees", "duplicates"), List.of(finding));
        assertEquals(run, store.audits.latestAuditRun(DEFAULT).orElseThrow());
        var stored = store.audits.findings(DEFAULT, run.runId());
        assertEquals(1, stored.size());
        assertEquals(finding, stored.get(0).finding(), "the finding reads back as stored, evidence and source position included");
        assertEquals(finding, store.audits.finding(DEFAULT, stored.get(0).findingId()).orElseThrow().finding());
        assertEquals(Money.of("35", "USD"), stored.get(0).finding().recoverable(), "the credit to claim reads back");
    }

    @Test
    void agreementsWithSchedulesInventoriesWithFeaturesAndFeatureOrdersReadBackAsWritten() throws Exception {
        var enterprise = org.bridgeline.enterprise.AdversarialEnterprise.generate(3, 12);
        store.inputs.saveContracts(DEFAULT, "contracts.json", enterprise.contracts());
        assertEquals(enterprise.contracts(), store.book().contracts(null), "schedules, post-term rules, list prices, waivers");
        store.inputs.saveExpectedInventory(DEFAULT, "inventory.csv", enterprise.expectedInventory());
        java.util.Comparator<org.bridgeline.api.model.ExpectedService> byId = java.util.Comparator
                .comparing(org.bridgeline.api.model.ExpectedService::carrier).thenComparing(org.bridgeline.api.model.ExpectedService::serviceId);
        assertEquals(enterprise.expectedInventory().stream().sorted(byId).toList(), store.book().expectedInventory());
        store.inputs.saveOrders(DEFAULT, "orders.csv", enterprise.orders());
        assertEquals(new java.util.HashSet<>(enterprise.orders()), new java.util.HashSet<>(store.book().orders(null)));
        assertTrue(store.book().orders(null).stream().anyMatch(o -> o.feature() != null), "feature orders keep their code");
    }

    @Test
    void contractsInventoryAndOrdersAreVersionedAndReadBackCurrent() throws Exception {
        var rate = new org.bridgeline.api.model.ContractRate(org.bridgeline.api.model.ServiceType.DIA, "DIA100", new java.math.BigDecimal("100"),
                ChargeCategory.RECURRING, Money.of("750.00", "USD"), null);
        var first = new org.bridgeline.api.model.Contract("Acme Telecom", "MSA-1", org.bridgeline.api.model.Period.of(LocalDate.of(2024, 1, 1),
                LocalDate.of(2026, 12, 31)), true, 12, Money.of("120000", "USD"), List.of(rate),
                new org.bridgeline.api.model.SlaTerms(new java.math.BigDecimal("99.99"), java.time.Duration.ofHours(4), new java.math.BigDecimal("10")));
        assertEquals(1, store.inputs.saveContracts(DEFAULT, "msa.json", List.of(first)));
        assertEquals(List.of(first), store.book().contracts("Acme Telecom"));
        var amended = new org.bridgeline.api.model.Contract("Acme Telecom", "MSA-1", first.term(), false, 0, null, List.of(), null);
        store.inputs.saveContracts(DEFAULT, "msa-amended.json", List.of(amended));
        assertEquals(List.of(amended), store.book().contracts(null), "the newer version is current");

        var active = new org.bridgeline.api.model.ExpectedService("Acme Telecom", "CKT-1", "HQ", org.bridgeline.api.model.ServiceType.DIA,
                new java.math.BigDecimal("100"), "ACTIVE");
        assertEquals(1, store.inputs.saveExpectedInventory(DEFAULT, "inv.csv", List.of(active)));
        assertEquals(2, store.inputs.saveExpectedInventory(DEFAULT, "inv2.csv", List.of()));
        assertEquals(List.of(), store.book().expectedInventory(), "a new inventory replaces the last whole");

        var order = new org.bridgeline.api.model.ServiceOrder("O-1", "Acme Telecom", "CKT-1",
                org.bridgeline.api.model.ServiceOrder.Kind.DISCONNECT, LocalDate.of(2026, 2, 15), null);
        store.inputs.saveOrders(DEFAULT, "orders.csv", List.of(order));
        store.inputs.saveOrders(DEFAULT, "orders.csv", List.of(order));
        assertEquals(List.of(order), store.book().orders(null));

        var requirement = new org.bridgeline.api.model.Requirement("SITE-9", org.bridgeline.api.model.ServiceType.DIA,
                new java.math.BigDecimal("1000"), LocalDate.of(2026, 6, 30), new org.bridgeline.api.model.SlaTerms(
                new java.math.BigDecimal("99.95"), java.time.Duration.ofHours(4), null), "new headquarters");
        assertEquals(1, store.inputs.saveRequirements(DEFAULT, "requirements.csv", List.of(requirement)));
        assertEquals(List.of(requirement), store.book().requirements());
        assertEquals(2, store.inputs.saveRequirements(DEFAULT, "requirements.csv", List.of()));
        assertEquals(List.of(), store.book().requirements(), "a new set of requirements replaces the last whole");
    }

    private long countLines() throws Exception {
        return countLinesOfCurrentInvoices() + rawLineCount();
    }

    private long countLinesOfCurrentInvoices() throws Exception {
        long[] count = {0};
        store.ledger().lines(LineQuery.ALL, line -> count[0]++);
        return count[0];
    }

    /** Lines in the table whatever their invoice: a rolled-back invoice must leave none. */
    private long rawLineCount() throws Exception {
        try (var connection = storeConnection(); var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT COUNT(*) FROM bl_charge_line")) {
            result.next();
            return result.getLong(1);
        }
    }

    private java.sql.Connection storeConnection() throws Exception {
        return store.database.connect(DEFAULT);
    }
}
