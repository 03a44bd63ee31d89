package org.bridgeline.detect.billing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.PostTermRule;
import org.bridgeline.api.model.Severity;
import org.bridgeline.api.model.SlaTerms;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.ServiceType;
import org.junit.jupiter.api.Test;

/** Hand-made cases for each billing detector: what it must flag, and the near misses it must not. */
class BillingDetectorsTest {

    private static final YearMonth JAN = YearMonth.of(2026, 1);

    // configurations as Configuration Admin would give them with no file: the documented defaults
    private static DuplicateChargeDetector.Config duplicates() {
        return new DuplicateChargeDetector.Config() {
            public double minimumAmount() { return 0.01; }
            public double mediumFrom() { return 500; }
            public double highFrom() { return 5_000; }
            public double criticalFrom() { return 50_000; }
            public Class<? extends Annotation> annotationType() { return DuplicateChargeDetector.Config.class; }
        };
    }

    private static LateFeeDetector.Config lateFees() {
        return new LateFeeDetector.Config() {
            public String pattern() { return "late[ -]?(payment|fee|charge)|penalt|finance charge|interest charge"; }
            public Class<? extends Annotation> annotationType() { return LateFeeDetector.Config.class; }
        };
    }

    private static CostVarianceDetector.Config variance() {
        return new CostVarianceDetector.Config() {
            public double thresholdPercent() { return 25; }
            public int minimumHistoryMonths() { return 3; }
            public double minimumChange() { return 10; }
            public double mediumFrom() { return 500; }
            public double highFrom() { return 5_000; }
            public double criticalFrom() { return 50_000; }
            public Class<? extends Annotation> annotationType() { return CostVarianceDetector.Config.class; }
        };
    }

    @Test
    void aRecurringChargeBilledTwiceIsACreditOwedEveryMonth() {
        FakeBook book = new FakeBook();
        book.add("CKT-1", ChargeCategory.RECURRING, "DIA100", "DIA 100M", "850.00", JAN, "INV-1");
        book.add("CKT-1", ChargeCategory.RECURRING, "DIA100", "DIA 100M", "850.00", JAN, "INV-1");
        book.add("CKT-2", ChargeCategory.RECURRING, "DIA100", "DIA 100M", "850.00", JAN, "INV-1"); // another circuit: not a copy
        book.add("CKT-1", ChargeCategory.RECURRING, "DIA100", "DIA 100M", "850.01", JAN, "INV-1"); // a cent apart: not a copy
        List<Finding> findings = new DuplicateChargeDetector(duplicates()).detect(book.book);
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(Money.of("850.00", "USD"), finding.monthlyImpact());
        assertEquals(Money.of("10200.00", "USD"), finding.annualImpact());
        assertEquals(2, finding.evidence().size());
        assertEquals(RecommendedAction.DISPUTE_FOR_CREDIT, finding.action());
        assertTrue(finding.explanation().contains("2 times at 850.00 USD"), finding.explanation());
    }

    @Test
    void aOneTimeChargeBilledTwiceIsOwedOnce() {
        FakeBook book = new FakeBook();
        book.add("CKT-1", ChargeCategory.ONE_TIME, "INSTALL", "installation", "400", JAN, "INV-1");
        book.add("CKT-1", ChargeCategory.ONE_TIME, "INSTALL", "installation", "400", JAN, "INV-2");
        Finding finding = new DuplicateChargeDetector(duplicates()).detect(book.book).get(0);
        assertEquals(Money.of("400", "USD"), finding.annualImpact());
    }

    @Test
    void lateFeesAreFlaggedButNotOtherAdjustmentsOrFeesTheCarrierReversed() {
        FakeBook book = new FakeBook();
        book.add("ACCT", ChargeCategory.ADJUSTMENT, "LATE-FEE", "Late payment charge", "35.00", JAN, "INV-1");  // control: reversed
        book.add("ACCT", ChargeCategory.ADJUSTMENT, "ADJ", "Billing adjustment", "12.00", JAN, "INV-1");
        book.add("ACCT", ChargeCategory.ADJUSTMENT, "LATE-FEE", "Late payment charge", "20.00", JAN, "INV-1");  // anomaly
        book.add("ACCT", ChargeCategory.CREDIT, "LATE-FEE", "Late payment charge reversed", "-35.00", JAN.plusMonths(1), "INV-2");
        book.add("ACCT", ChargeCategory.SURCHARGE, "FIN", "Finance charge", "4.10", JAN, "INV-1");
        List<Finding> findings = new LateFeeDetector(lateFees()).detect(book.book);
        assertEquals(List.of("20.00 USD", "4.10 USD"), findings.stream().map(f -> f.monthlyImpact().toString()).toList());
        assertTrue(findings.get(0).explanation().contains("INV-1.csv record 4 (line 4)"), findings.get(0).explanation());
        assertEquals(Severity.LOW, findings.get(0).severity(), "avoidable, but no agreement waives it");
    }

    @Test
    void aLateFeeUnderAnAgreementThatWaivesThemIsOwedBack() {
        FakeBook book = new FakeBook();
        book.book.contracts.add(new Contract("Acme", "MSA-1", Period.of(LocalDate.of(2024, 1, 1), LocalDate.of(2027, 12, 31)), false, 0,
                null, List.of(), SlaTerms.NONE, true, PostTermRule.HOLD, List.of()));
        book.add("ACCT", ChargeCategory.ADJUSTMENT, "LATE-FEE", "Late payment charge", "35.00", JAN, "INV-1");
        Finding finding = new LateFeeDetector(lateFees()).detect(book.book).get(0);
        assertEquals(Severity.MEDIUM, finding.severity());
        assertEquals(Money.of("35.00", "USD"), finding.recoverable());
        assertTrue(finding.explanation().contains("Contract MSA-1 waives late fees"), finding.explanation());
    }

    @Test
    void aServiceWhoseCostJumpsAgainstItsHistoryIsFlaggedANearMissIsNot() {
        FakeBook book = new FakeBook();
        for (int m = 0; m < 3; m++) {
            book.add("CKT-UP", ChargeCategory.RECURRING, "DIA100", "DIA", "100", JAN.plusMonths(m), "INV-" + m);
            book.add("CKT-NEAR", ChargeCategory.RECURRING, "DIA100", "DIA", "100", JAN.plusMonths(m), "INV-" + m);
        }
        book.add("CKT-UP", ChargeCategory.RECURRING, "DIA100", "DIA", "150", JAN.plusMonths(3), "INV-3");
        book.add("CKT-NEAR", ChargeCategory.RECURRING, "DIA100", "DIA", "124", JAN.plusMonths(3), "INV-3"); // +24%: under 25%
        List<Finding> findings = new CostVarianceDetector(variance()).detect(book.book);
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals("CKT-UP", finding.serviceId());
        assertEquals(Money.of("50", "USD"), finding.monthlyImpact());
        assertEquals(Money.of("600", "USD"), finding.annualImpact());
        assertEquals(1, finding.evidence().size(), "the lines of the month that moved");
        assertTrue(finding.explanation().contains("+50.0%"), finding.explanation());
        assertEquals(RecommendedAction.RENEGOTIATE, finding.action());
    }

    @Test
    void aSpikeInAnyMonthIsFlaggedButNotUsageInArrearsADisconnectOrARepeatedCharge() {
        FakeBook book = new FakeBook();
        for (int m = 0; m < 9; m++) {
            YearMonth month = JAN.plusMonths(m);
            String invoice = "INV-" + m;
            // anomaly: usage spikes in June only, then returns to normal
            book.add(ServiceType.VOICE_LINE, "LINE-SPIKE", ChargeCategory.RECURRING, "POTS", "line", "45", month, invoice);
            book.add(ServiceType.VOICE_LINE, "LINE-SPIKE", ChargeCategory.USAGE, "LD", "calls", m == 5 ? "180" : "20", month, invoice);
            // control: heavy usage billed a month in arrears, placed at its charge period; the latest month has none yet
            book.add(ServiceType.VOICE_LINE, "LINE-ARREARS", ChargeCategory.RECURRING, "POTS", "line", "45", month, invoice);
            if (m > 0) {
                YearMonth used = month.minusMonths(1);
                book.book.add(book.add(ServiceType.VOICE_LINE, "LINE-ARREARS", ChargeCategory.USAGE, "LD", "calls", "200", month, invoice)
                        .toBuilder().chargePeriod(Period.of(used.atDay(1), used.atEndOfMonth())).build());
                book.book.lines.remove(book.book.lines.size() - 2);
            }
            // control: disconnected on 6 August, its last month billed to the day
            if (m <= 7) {
                book.add("CKT-GONE", ChargeCategory.RECURRING, "DIA100", "DIA", m == 7 ? "19.35" : "100", month, invoice);
            }
            // control: the same charge twice in April, the duplicate detector's finding
            book.add("CKT-TWICE", ChargeCategory.RECURRING, "DIA100", "DIA", "100", month, invoice);
            if (m == 3) {
                book.add("CKT-TWICE", ChargeCategory.RECURRING, "DIA100", "DIA", "100", month, invoice);
            }
        }
        List<Finding> findings = new CostVarianceDetector(variance()).detect(book.book);
        assertEquals(List.of("LINE-SPIKE"), findings.stream().map(Finding::serviceId).toList());
        assertTrue(findings.get(0).explanation().contains("in 2026-06"), findings.get(0).explanation());
        assertEquals(Money.of("160", "USD"), findings.get(0).monthlyImpact());
    }

    @Test
    void tooShortAHistoryOrTooSmallAChangeIsNotJudged() {
        FakeBook book = new FakeBook();
        book.add("CKT-NEW", ChargeCategory.RECURRING, "X", "x", "100", JAN, "INV-0");
        book.add("CKT-NEW", ChargeCategory.RECURRING, "X", "x", "100", JAN.plusMonths(1), "INV-1");
        book.add("CKT-NEW", ChargeCategory.RECURRING, "X", "x", "300", JAN.plusMonths(2), "INV-2"); // only two months before it
        for (int m = 0; m < 3; m++) {
            book.add("CKT-SMALL", ChargeCategory.RECURRING, "X", "x", "20", JAN.plusMonths(m), "INV-" + m);
        }
        book.add("CKT-SMALL", ChargeCategory.RECURRING, "X", "x", "28", JAN.plusMonths(3), "INV-3"); // +40% but 8 USD
        for (int m = 0; m < 3; m++) {
            book.add("CKT-ENDED", ChargeCategory.RECURRING, "X", "x", "100", JAN.plusMonths(m), "INV-" + m);
        }
        book.add("CKT-ENDED", ChargeCategory.RECURRING, "X", "x", "30", JAN.plusMonths(3), "INV-3");
        book.add("CKT-OTHER", ChargeCategory.RECURRING, "X", "x", "100", JAN.plusMonths(4), "INV-4"); // the bills go on; CKT-ENDED does not
        assertEquals(List.of(), new CostVarianceDetector(variance()).detect(book.book));
    }

    private static ZeroUsageDetector.Config zeroUsage() {
        return new ZeroUsageDetector.Config() {
            public int months() { return 3; }
            public String[] serviceTypes() { return new String[] {"VOICE_LINE", "WIRELESS"}; }
            public Class<? extends Annotation> annotationType() { return ZeroUsageDetector.Config.class; }
        };
    }

    @Test
    void aLinePaidForWithNoUsageForThreeMonthsIsFlaggedALineUsedOnceIsNot() {
        FakeBook book = new FakeBook();
        for (int m = 0; m < 4; m++) {
            YearMonth month = JAN.plusMonths(m);
            book.add(ServiceType.VOICE_LINE, "555-0100", ChargeCategory.RECURRING, "POTS", "business line", "45.00", month, "INV-" + m);
            book.add(ServiceType.VOICE_LINE, "555-0101", ChargeCategory.RECURRING, "POTS", "business line", "45.00", month, "INV-" + m);
            book.add(ServiceType.DIA, "CKT-1", ChargeCategory.RECURRING, "DIA100", "internet", "900.00", month, "INV-" + m); // no usage kind
        }
        book.add(ServiceType.VOICE_LINE, "555-0100", ChargeCategory.USAGE, "LD", "long distance", "3.20", JAN, "INV-0"); // before the window
        book.add(ServiceType.VOICE_LINE, "555-0101", ChargeCategory.USAGE, "LD", "long distance", "0.40", JAN.plusMonths(2), "INV-2");
        // new this month: too young to judge
        book.add(ServiceType.VOICE_LINE, "555-0102", ChargeCategory.RECURRING, "POTS", "business line", "45.00", JAN.plusMonths(3), "INV-3");
        List<Finding> findings = new ZeroUsageDetector(zeroUsage()).detect(book.book);
        assertEquals(List.of("555-0100"), findings.stream().map(Finding::serviceId).toList());
        Finding finding = findings.get(0);
        assertEquals(Money.of("45.00", "USD"), finding.monthlyImpact());
        assertEquals(Money.of("540.00", "USD"), finding.annualImpact());
        assertEquals(RecommendedAction.DISCONNECT, finding.action());
        assertEquals(3, finding.evidence().size(), "the three idle months' charges");
        assertTrue(finding.explanation().contains("2026-02 to 2026-04"), finding.explanation());
    }
}
