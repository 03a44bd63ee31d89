package org.bridgeline.detect.inventory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ContractRate;
import org.bridgeline.api.model.ContractService;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.PostTermRule;
import org.bridgeline.api.model.ServiceOrder;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.api.model.SlaTerms;
import org.bridgeline.api.model.SourcePosition;
import org.bridgeline.testkit.InMemoryBook;
import org.junit.jupiter.api.Test;

/**
 * Master agreements with service schedules and post-term rules, and inventories that list each
 * service's features: for each rule an anomaly that must be flagged beside a look-alike that must not.
 */
class ContractsAsWrittenTest {

    private static final LocalDate AGREEMENT_END = LocalDate.of(2028, 12, 31);
    private final InMemoryBook book = new InMemoryBook();

    private void voice(String service, String code, String price, int month) {
        YearMonth ym = YearMonth.of(2026, month);
        Period period = Period.of(ym.atDay(1), ym.atEndOfMonth());
        book.add(ChargeLine.builder().carrier("Acme").account("A1").invoiceNumber("INV-" + ym).invoiceDate(period.end())
                .billingPeriod(period).chargePeriod(period).serviceId(service).site("HQ").serviceType(ServiceType.VOICE_LINE)
                .category(ChargeCategory.RECURRING).chargeCode(code).quantity(BigDecimal.ONE).unitPrice(Money.of(price, "USD"))
                .amount(Money.of(price, "USD")).source(SourcePosition.of("bill.csv", book.lines.size() + 2, book.lines.size() + 2)).build());
    }

    private static ContractRate rate(String code, String price) {
        return new ContractRate(ServiceType.VOICE_LINE, code, null, ChargeCategory.RECURRING, Money.of(price, "USD"), null);
    }

    /** An agreement to 2028 whose schedule gives two lines their own terms ending in March 2026. */
    private void agreement(PostTermRule rule) {
        List<ContractService> schedule = List.of(
                new ContractService("LINE-1", ServiceType.VOICE_LINE, null, Period.of(LocalDate.of(2023, 4, 1), LocalDate.of(2026, 3, 31)),
                        List.of()),
                new ContractService("LINE-2", ServiceType.VOICE_LINE, null, Period.of(LocalDate.of(2023, 4, 1), LocalDate.of(2026, 3, 31)),
                        List.of()));
        book.contracts.add(new Contract("Acme", "MSA-9", Period.of(LocalDate.of(2023, 1, 1), AGREEMENT_END), false, 0, null,
                List.of(rate("POTS", "45.00")), SlaTerms.NONE, false, rule, schedule));
    }

    private static List<String> services(List<Finding> findings) {
        return findings.stream().map(Finding::serviceId).sorted().toList();
    }

    @Test
    void aStepAfterAServicesOwnTermIsOutOfTermPricingEvenWhileTheAgreementRuns() {
        agreement(PostTermRule.MONTH_TO_MONTH);
        for (int month = 2; month <= 6; month++) {
            voice("LINE-1", "POTS", month <= 3 ? "45.00" : "58.50", month); // anomaly: its own term ended in March
            voice("LINE-3", "POTS", month <= 3 ? "45.00" : "45.00", month); // control: unscheduled, the agreement's term runs
        }
        assertEquals(List.of("LINE-1"), services(new OutOfTermPricingDetector(new RecurringPriceCandidates()).detect(book)));
        assertEquals(List.of(), new RateAboveContractDetector(new RecurringPriceCandidates()).detect(book), "month to month sets no ceiling after the term");
    }

    @Test
    void anUpliftTheAgreementAllowsIsNotAboveContractButBeyondItIsAndOnlyTheExcessIsClaimed() {
        agreement(PostTermRule.uplift(BigDecimal.TEN));
        for (int month = 4; month <= 5; month++) {
            voice("LINE-1", "POTS", "49.50", month); // control: exactly the 10 % the agreement allows
            voice("LINE-2", "POTS", "54.00", month); // anomaly: 20 % above the rate, 4.50 above what is allowed
            voice("LINE-3", "POTS", "49.50", month); // anomaly: in the agreement's term, so 45.00 holds
        }
        List<Finding> above = new RateAboveContractDetector(new RecurringPriceCandidates()).detect(book);
        assertEquals(List.of("LINE-2", "LINE-3"), services(above));
        Finding beyondUplift = above.stream().filter(f -> f.serviceId().equals("LINE-2")).findFirst().orElseThrow();
        assertEquals(Money.of("4.50", "USD"), beyondUplift.monthlyImpact().rounded());
        assertEquals(Money.of("9.00", "USD"), beyondUplift.recoverable().rounded(), "two months of the excess, not of the uplift");
        assertTrue(beyondUplift.explanation().contains("ended on 2026-03-31"), beyondUplift.explanation());
        // the allowed uplift itself is a step worth renegotiating on both lines past their term
        List<Finding> steps = new OutOfTermPricingDetector(new RecurringPriceCandidates()).detect(book);
        assertEquals(List.of("LINE-1", "LINE-2"), services(steps));
        assertTrue(steps.stream().allMatch(f -> f.monthlyImpact().rounded().equals(Money.of("4.50", "USD"))));
    }

    @Test
    void aHeldRateIsAboveContractAfterTheTermAndNoStep() {
        agreement(PostTermRule.HOLD);
        voice("LINE-1", "POTS", "45.00", 5); // control
        voice("LINE-2", "POTS", "47.00", 5); // anomaly
        assertEquals(List.of("LINE-2"), services(new RateAboveContractDetector(new RecurringPriceCandidates()).detect(book)));
        assertEquals(List.of(), new OutOfTermPricingDetector(new RecurringPriceCandidates()).detect(book));
    }

    @Test
    void aListPriceRuleAllowsTheNamedListPrice() {
        agreement(new PostTermRule(PostTermRule.Kind.LIST_PRICE, null, List.of(rate("POTS", "52.00"))));
        voice("LINE-1", "POTS", "52.00", 5); // control: the list price
        voice("LINE-2", "POTS", "60.00", 5); // anomaly: above it
        assertEquals(List.of("LINE-2"), services(new RateAboveContractDetector(new RecurringPriceCandidates()).detect(book)));
        assertEquals(List.of("LINE-1", "LINE-2"), services(new OutOfTermPricingDetector(new RecurringPriceCandidates()).detect(book)));
    }

    @Test
    void aScheduleRateForOneServicePricesItAboveTheAgreementsRateCard() {
        book.contracts.add(new Contract("Acme", "MSA-9", Period.of(LocalDate.of(2023, 1, 1), AGREEMENT_END), false, 0, null,
                List.of(rate("POTS", "45.00")), SlaTerms.NONE, false, PostTermRule.HOLD,
                List.of(new ContractService(null, ServiceType.VOICE_LINE, "HQ", Period.of(LocalDate.of(2025, 1, 1), AGREEMENT_END),
                        List.of(rate("POTS", "48.00"))))));
        voice("LINE-1", "POTS", "48.00", 5); // control: HQ's lines are scheduled at 48.00
        voice("LINE-2", "POTS", "49.00", 5); // anomaly
        assertEquals(List.of("LINE-2"), services(new RateAboveContractDetector(new RecurringPriceCandidates()).detect(book)));
    }

    @Test
    void aFeatureOnTheRateCardIsUnrequestedOnALineWhoseInventoryAndOrdersDoNotPutItThere() {
        agreement(PostTermRule.HOLD);
        book.contracts.set(0, new Contract("Acme", "MSA-9", Period.of(LocalDate.of(2023, 1, 1), AGREEMENT_END), false, 0, null,
                List.of(rate("POTS", "45.00"), rate("VM", "8.00"), rate("HUNT", "5.00")), SlaTerms.NONE));
        for (String line : List.of("LINE-1", "LINE-2", "LINE-3", "LINE-4")) {
            book.expected.add(new ExpectedService("Acme", line, "HQ", ServiceType.VOICE_LINE, null, "ACTIVE",
                    line.equals("LINE-1") ? List.of("POTS", "VM") : List.of("POTS"), Money.of("45.00", "USD"), LocalDate.of(2023, 4, 1), 36,
                    null));
        }
        book.orders.add(new ServiceOrder("O-7", "Acme", "LINE-3", ServiceOrder.Kind.ADD_FEATURE, LocalDate.of(2026, 4, 10), null, "HUNT"));
        book.orders.add(new ServiceOrder("O-8", "Acme", "LINE-4", ServiceOrder.Kind.REMOVE_FEATURE, LocalDate.of(2026, 4, 1), null, "VM"));
        book.expected.set(3, new ExpectedService("Acme", "LINE-4", "HQ", ServiceType.VOICE_LINE, null, "ACTIVE", List.of("POTS", "VM"),
                null, null, 0, null));
        for (int month = 3; month <= 5; month++) {
            voice("LINE-1", "POTS", "45.00", month);
            voice("LINE-1", "VM", "8.00", month);   // control: the inventory lists it
            voice("LINE-2", "POTS", "45.00", month);
            voice("LINE-2", "VM", "8.00", month);   // anomaly: on the rate card, not on this line
            voice("LINE-4", "POTS", "45.00", month);
            voice("LINE-4", "VM", "8.00", month);   // anomaly from April: removed by an order
            if (month >= 4) {
                voice("LINE-3", "HUNT", "5.00", month); // control: ordered on 10 April (April's charge is prorated to it)
            }
        }
        List<Finding> findings = new UnrequestedFeatureDetector(new RecurringPriceCandidates()).detect(book);
        assertEquals(List.of("LINE-2", "LINE-4"), services(findings));
        assertEquals(3, findings.stream().filter(f -> f.serviceId().equals("LINE-2")).findFirst().orElseThrow().evidence().size());
        assertEquals(2, findings.stream().filter(f -> f.serviceId().equals("LINE-4")).findFirst().orElseThrow().evidence().size(),
                "billed after the removal only");
    }
}
