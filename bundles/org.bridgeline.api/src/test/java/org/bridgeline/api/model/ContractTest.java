package org.bridgeline.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a contract allows a charge to cost on a day: the service's own term, its schedule's rate, the post-term rule. */
class ContractTest {

    private static final ContractRate POTS = new ContractRate(ServiceType.VOICE_LINE, "1FB", null, ChargeCategory.RECURRING,
            Money.of("45.55", "USD"), null);

    private static Contract agreement(PostTermRule rule) {
        return new Contract("Keystone", "KT-1", Period.of(LocalDate.of(2023, 1, 1), LocalDate.of(2027, 12, 31)), false, 0, null, List.of(POTS),
                SlaTerms.NONE, false, rule, List.of(new ContractService("LINE-1", null, null,
                        Period.of(LocalDate.of(2022, 3, 1), LocalDate.of(2025, 2, 28)), List.of())));
    }

    private static ContractedPrice price(Contract contract, String service, LocalDate day) {
        return contract.priceFor(service, "HQ", ServiceType.VOICE_LINE, "1FB", null, day).orElseThrow();
    }

    @Test
    void aScheduledServiceLeavesItsTermBeforeTheAgreementDoes() {
        Contract contract = agreement(PostTermRule.HOLD);
        ContractedPrice after = price(contract, "LINE-1", LocalDate.of(2025, 3, 1));
        assertFalse(after.inTerm());
        assertEquals(LocalDate.of(2025, 2, 28), after.termEnd());
        assertEquals(Money.of("45.55", "USD"), after.allowed(), "the rate holds");
        assertTrue(price(contract, "LINE-2", LocalDate.of(2025, 3, 1)).inTerm(), "an unscheduled line has the agreement's term");
        assertTrue(contract.priceFor("LINE-1", "HQ", ServiceType.VOICE_LINE, "1FB", null, LocalDate.of(2022, 2, 1)).isEmpty(),
                "before its term, nothing to judge");
    }

    @Test
    void anUpliftRoundsHalfUpToTheCentAsCarriersRoundAndMonthToMonthSetsNoCeiling() {
        assertEquals(Money.of("50.11", "USD"), price(agreement(PostTermRule.uplift(BigDecimal.TEN)), "LINE-1", LocalDate.of(2025, 6, 1))
                .allowed(), "45.55 + 10 % = 50.105");
        ContractedPrice monthToMonth = price(agreement(PostTermRule.MONTH_TO_MONTH), "LINE-1", LocalDate.of(2025, 6, 1));
        assertFalse(monthToMonth.judged());
        assertEquals(POTS, monthToMonth.rate(), "the term's rate stays known, for the step");
    }

    @Test
    void theEarlierFormStillBuildsAndGoesMonthToMonth() {
        Contract old = new Contract("Acme", "MSA-1", Period.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)), false, 0, null,
                List.of(POTS), null);
        assertEquals(PostTermRule.MONTH_TO_MONTH, old.postTerm());
        assertFalse(old.lateFeesWaived());
        assertEquals(List.of(), old.services());
    }
}
