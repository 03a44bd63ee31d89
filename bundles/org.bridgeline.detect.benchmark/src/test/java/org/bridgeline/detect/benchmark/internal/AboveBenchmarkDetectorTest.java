package org.bridgeline.detect.benchmark.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.bridgeline.api.detect.BenchmarkMatch;
import org.bridgeline.api.model.BandwidthBand;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.api.model.SourcePosition;
import org.bridgeline.testkit.ConfigDefaults;
import org.bridgeline.testkit.InMemoryBook;
import org.junit.jupiter.api.Test;

class AboveBenchmarkDetectorTest {

    private final InMemoryBook book = new InMemoryBook();
    private int row;

    private void bill(YearMonth month, String service, String amount) {
        book.add(ChargeLine.builder().carrier("Acme").account("A1").invoiceNumber("INV-" + month).invoiceDate(month.atEndOfMonth())
                .billingPeriod(Period.of(month.atDay(1), month.atEndOfMonth())).serviceId(service).serviceType(ServiceType.DIA)
                .bandwidthMbps(new BigDecimal("100")).category(ChargeCategory.RECURRING).chargeCode("DIA100")
                .quantity(BigDecimal.ONE).unitPrice(Money.of(amount, "USD")).amount(Money.of(amount, "USD"))
                .source(SourcePosition.of("bill.edi", ++row, row)).build());
    }

    private List<Finding> detect() {
        book.benchmarkTable.add(new Benchmark(ServiceType.DIA, new BandwidthBand(new BigDecimal("50"), new BigDecimal("200")), "*", 36,
                Money.of("500", "USD"), Money.of("560", "USD"), Money.of("650", "USD"), null, 120, "benchmark-table",
                "Illustrative DIA survey", LocalDate.of(2025, 9, 30)));
        return new AboveBenchmarkDetector(ConfigDefaults.of(AboveBenchmarkDetector.Config.class)).detect(book);
    }

    @Test
    void aPriceWellAboveTheTargetIsReportedWithTheBenchmarkItCites() {
        bill(YearMonth.of(2025, 11), "CKT-HIGH", "650");
        bill(YearMonth.of(2025, 12), "CKT-HIGH", "650");
        List<Finding> findings = detect();
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals("CKT-HIGH", finding.serviceId());
        assertEquals(Money.of("150", "USD"), finding.monthlyImpact());
        assertEquals(Money.of("1800", "USD"), finding.annualImpact());
        assertEquals(RecommendedAction.RENEGOTIATE, finding.action());
        assertEquals(1, finding.evidence().size(), "the latest month's charge");
        assertTrue(finding.explanation().contains("at percentile 75 of the market")
                && finding.explanation().contains("Illustrative DIA survey, as of 2025-09-30, benchmark-table"), finding.explanation());
    }

    @Test
    void nearMissesAreNotReported() {
        bill(YearMonth.of(2025, 12), "CKT-AT-TARGET", "500");
        bill(YearMonth.of(2025, 12), "CKT-JUST-UNDER-10-PERCENT", "549.99");
        bill(YearMonth.of(2025, 11), "CKT-GONE", "900"); // not billed in the latest month
        assertEquals(List.of(), detect());
    }

    @Test
    void aServiceNoBenchmarkCoversIsNotReported() {
        book.add(ChargeLine.builder().carrier("Acme").account("A1").invoiceNumber("INV-X").invoiceDate(LocalDate.of(2025, 12, 31))
                .serviceId("PRI-1").serviceType(ServiceType.PRI).category(ChargeCategory.RECURRING).amount(Money.of("9000", "USD"))
                .source(SourcePosition.of("bill.edi", 99, 99)).build());
        assertEquals(List.of(), detect());
        assertEquals("no benchmark provider covers PRI", book.benchmarkMatches("Acme", 25).get(0).unmatched());
    }

    @Test
    void aCircuitWhoseBandwidthNobodyStatesIsNeverSetAgainstABandButTheInventoryCanStateIt() {
        for (String service : List.of("CKT-10G", "CKT-KNOWN")) {
            book.add(ChargeLine.builder().carrier("Acme").account("A1").invoiceNumber("INV-X").invoiceDate(LocalDate.of(2025, 12, 31))
                    .billingPeriod(Period.of(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31))).serviceId(service)
                    .serviceType(ServiceType.DIA).category(ChargeCategory.RECURRING).chargeCode("DIA").amount(Money.of("9000", "USD"))
                    .source(SourcePosition.of("bill.csv", ++row, row)).build());
        }
        // control: a 10 Gbit/s circuit billed without its bandwidth; anomaly: the inventory says this one is 100 Mbit/s
        book.expected.add(new ExpectedService("Acme", "CKT-KNOWN", "HQ", ServiceType.DIA, new BigDecimal("100"), "ACTIVE"));
        List<Finding> findings = detect();
        assertEquals(List.of("CKT-KNOWN"), findings.stream().map(Finding::serviceId).toList());
        BenchmarkMatch unknown = book.benchmarkMatches("Acme", 25).stream().filter(m -> m.serviceId().equals("CKT-10G")).findFirst()
                .orElseThrow();
        assertTrue(unknown.unmatched().startsWith("no benchmark: bandwidth unknown"), unknown.unmatched());
    }
}
