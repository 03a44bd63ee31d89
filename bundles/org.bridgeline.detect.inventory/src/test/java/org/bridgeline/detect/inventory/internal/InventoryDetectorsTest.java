package org.bridgeline.detect.inventory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ContractRate;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.ServiceOrder;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.api.model.SourcePosition;
import org.bridgeline.testkit.InMemoryBook;
import org.junit.jupiter.api.Test;

/** Hand-made cases: what each detector must flag, and the near misses it must not. */
class InventoryDetectorsTest {

    private final InMemoryBook book = new InMemoryBook();

    private ChargeLine recurring(String service, String code, String unitPrice, Period charged) {
        return book.add(ChargeLine.builder().carrier("Acme").account("A1").invoiceNumber("INV-" + charged.start())
                .invoiceDate(charged.end()).billingPeriod(charged).chargePeriod(charged).serviceId(service).serviceType(ServiceType.DIA)
                .category(ChargeCategory.RECURRING).chargeCode(code).quantity(BigDecimal.ONE).unitPrice(Money.of(unitPrice, "USD"))
                .amount(Money.of(unitPrice, "USD")).bandwidthMbps(new BigDecimal("100"))
                .source(SourcePosition.of("bill.csv", book.lines.size() + 2, book.lines.size() + 2)).build());
    }

    private static Period month(int month) {
        YearMonth ym = YearMonth.of(2026, month);
        return Period.of(ym.atDay(1), ym.atEndOfMonth());
    }

    private static BilledAfterDisconnectDetector.Config disconnect() {
        return new BilledAfterDisconnectDetector.Config() {
            public int graceDays() { return 0; }
            public double minimumAmount() { return 0.01; }
            public Class<? extends Annotation> annotationType() { return BilledAfterDisconnectDetector.Config.class; }
        };
    }

    @Test
    void theInventorysDisconnectDateCountsWhereNoOrderSaysSo() {
        book.expected.add(new ExpectedService("Acme", "CKT-1", "HQ", ServiceType.DIA, null, null, List.of(), null, null, 0,
                LocalDate.of(2026, 3, 31)));
        book.expected.add(new ExpectedService("Acme", "CKT-2", "HQ", ServiceType.DIA, null, null, List.of(), null, null, 0,
                LocalDate.of(2026, 3, 31)));
        recurring("CKT-1", "DIA100", "310.00", month(3));  // control for CKT-1: to the day
        recurring("CKT-2", "DIA100", "310.00", month(3));
        recurring("CKT-2", "DIA100", "310.00", month(4));  // anomaly: billed on
        List<Finding> findings = new BilledAfterDisconnectDetector(disconnect()).detect(book);
        assertEquals(List.of("CKT-2"), findings.stream().map(Finding::serviceId).toList());
        assertTrue(findings.get(0).explanation().contains("(the expected inventory's disconnect date)"), findings.get(0).explanation());
    }

    @Test
    void chargesAfterADisconnectAreOwedBackProratedByDay() {
        book.orders.add(new ServiceOrder("O-1", "Acme", "CKT-1", ServiceOrder.Kind.DISCONNECT, LocalDate.of(2026, 3, 10), null));
        recurring("CKT-1", "DIA100", "310.00", month(2));                                     // before: correct
        recurring("CKT-1", "DIA100", "310.00", month(3));                                     // straddles: 21 of 31 days owed
        recurring("CKT-1", "DIA100", "310.00", month(4));                                     // after: owed whole
        List<Finding> findings = new BilledAfterDisconnectDetector(disconnect()).detect(book);
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(2, finding.evidence().size());
        assertEquals(Money.of("310.00", "USD"), finding.monthlyImpact(), "the latest month, billed whole after the disconnect");
        assertTrue(finding.explanation().contains("520.00 USD to credit back"), "210.00 for 21 days of March + 310.00: "
                + finding.explanation());
        assertEquals(RecommendedAction.DISPUTE_FOR_CREDIT, finding.action());
    }

    @Test
    void aFinalPeriodProratedToTheDisconnectDateIsCorrect() {
        book.orders.add(new ServiceOrder("O-2", "Acme", "CKT-2", ServiceOrder.Kind.DISCONNECT, LocalDate.of(2026, 3, 10), null));
        recurring("CKT-2", "DIA100", "100.00", Period.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 10))); // ends on the day
        assertEquals(List.of(), new BilledAfterDisconnectDetector(disconnect()).detect(book));
    }

    @Test
    void aPriceAboveContractIsFlaggedAPriceEqualToItIsNot() {
        book.contracts.add(new Contract("Acme", "MSA-1", Period.of(LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31)), false, 0, null,
                List.of(new ContractRate(ServiceType.DIA, "DIA100", new BigDecimal("100"), ChargeCategory.RECURRING,
                        Money.of("750.00", "USD"), null)), null));
        recurring("CKT-1", "DIA100", "750.00", month(1));                                     // equal: correct
        recurring("CKT-2", "DIA100", "800.00", month(1));
        recurring("CKT-2", "DIA100", "800.00", month(2));
        recurring("CKT-3", "DIA1G", "900.00", month(1));                                      // another code: no rate to compare
        List<Finding> findings = new RateAboveContractDetector(new RecurringPriceCandidates()).detect(book);
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals("CKT-2", finding.serviceId());
        assertEquals(Money.of("50.00", "USD"), finding.monthlyImpact());
        assertEquals(Money.of("600.00", "USD"), finding.annualImpact());
        assertTrue(finding.explanation().contains("100.00 USD to credit back"), finding.explanation());
    }

    @Test
    void theInventoryAndTheBillsAreComparedBothWays() {
        recurring("CKT-1", "DIA100", "750.00", month(3));
        recurring("CKT-ZOMBIE", "DIA100", "420.00", month(3));
        book.expected.add(new ExpectedService("Acme", "CKT-1", "HQ", ServiceType.DIA, null, "ACTIVE"));
        book.expected.add(new ExpectedService("Acme", "CKT-GONE", "Branch", ServiceType.MPLS, null, "ACTIVE"));
        book.expected.add(new ExpectedService("Acme", "CKT-OFF", "Branch", ServiceType.MPLS, null, "DISCONNECTED"));
        List<Finding> findings = new InventoryMismatchDetector().detect(book);
        assertEquals(List.of("billed-not-in-inventory CKT-ZOMBIE", "expected-not-billed CKT-GONE"),
                findings.stream().map(f -> f.kind() + " " + f.serviceId()).toList());
        assertEquals(Money.of("5040.00", "USD"), findings.get(0).annualImpact());
        assertEquals(RecommendedAction.CORRECT_INVENTORY, findings.get(1).action());
    }

    @Test
    void withoutAnExpectedInventoryNothingIsJudged() {
        recurring("CKT-1", "DIA100", "750.00", month(3));
        assertEquals(List.of(), new InventoryMismatchDetector().detect(book));
    }

    private static Contract contractEnding(LocalDate end, boolean autoRenewal, ContractRate... rates) {
        return new Contract("Acme", "MSA-2", Period.of(LocalDate.of(2024, 1, 1), end), autoRenewal, 0, null, List.of(rates), null);
    }

    private static ContractRate dia100(String price) {
        return new ContractRate(ServiceType.DIA, "DIA100", new BigDecimal("100"), ChargeCategory.RECURRING, Money.of(price, "USD"), null);
    }

    @Test
    void aPriceStepAfterTheTermEndsIsFlaggedOnceWithTheLatestPrice() {
        book.contracts.add(contractEnding(LocalDate.of(2026, 2, 28), true, dia100("750.00")));
        recurring("CKT-1", "DIA100", "750.00", month(2));                                     // in term: correct
        recurring("CKT-1", "DIA100", "900.00", month(3));
        recurring("CKT-1", "DIA100", "975.00", month(4));
        recurring("CKT-2", "DIA100", "750.00", month(4));                                     // after term at the old price: fine
        List<Finding> findings = new OutOfTermPricingDetector(new RecurringPriceCandidates()).detect(book);
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals("CKT-1", finding.serviceId());
        assertEquals(Money.of("225.00", "USD"), finding.monthlyImpact().rounded());
        assertEquals(Money.of("2700.00", "USD"), finding.annualImpact().rounded());
        assertEquals(RecommendedAction.RENEGOTIATE, finding.action());
        assertTrue(finding.explanation().contains("ended on 2026-02-28 (the agreement renews itself)"), finding.explanation());
    }

    @Test
    void aPriceAboveContractWithinTheTermIsNotAnOutOfTermStep() {
        book.contracts.add(contractEnding(LocalDate.of(2027, 12, 31), false, dia100("750.00")));
        recurring("CKT-1", "DIA100", "900.00", month(4));
        assertEquals(List.of(), new OutOfTermPricingDetector(new RecurringPriceCandidates()).detect(book));
    }

    @Test
    void aRecurringCodeTheContractDoesNotListIsAnUnrequestedFeature() {
        book.contracts.add(contractEnding(LocalDate.of(2027, 12, 31), false, dia100("750.00")));
        recurring("CKT-1", "DIA100", "750.00", month(3));
        recurring("CKT-1", "STATICIP", "25.00", month(3));
        recurring("CKT-1", "STATICIP", "25.00", month(4));
        recurring("CKT-1", "PROMO", "0.00", month(4));                                         // free: nothing to recover
        List<Finding> findings = new UnrequestedFeatureDetector(new RecurringPriceCandidates()).detect(book);
        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(2, finding.evidence().size());
        assertEquals(Money.of("25.00", "USD"), finding.monthlyImpact());
        assertEquals(Money.of("300.00", "USD"), finding.annualImpact());
        assertTrue(finding.explanation().contains("50.00 USD over 2 charges"), finding.explanation());
    }

    @Test
    void aContractThatNamesNoChargeCodesJudgesNoFeatures() {
        book.contracts.add(contractEnding(LocalDate.of(2027, 12, 31), false,
                new ContractRate(ServiceType.DIA, null, new BigDecimal("100"), ChargeCategory.RECURRING, Money.of("750.00", "USD"), null)));
        recurring("CKT-1", "STATICIP", "25.00", month(3));
        assertEquals(List.of(), new UnrequestedFeatureDetector(new RecurringPriceCandidates()).detect(book));
    }
}
