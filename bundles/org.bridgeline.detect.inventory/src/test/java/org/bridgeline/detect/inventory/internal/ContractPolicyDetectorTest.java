package org.bridgeline.detect.inventory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.ProcurementPolicy;
import org.bridgeline.api.model.SlaTerms;
import org.bridgeline.testkit.InMemoryBook;
import org.junit.jupiter.api.Test;

class ContractPolicyDetectorTest {

    private static final SlaTerms COMPLIANT = new SlaTerms(new BigDecimal("99.9"), Duration.ofHours(4), BigDecimal.TEN);

    private static List<Finding> detect(Contract contract, ProcurementPolicy policy) {
        InMemoryBook book = new InMemoryBook();
        book.contracts.add(contract);
        book.policy = policy;
        return new ContractPolicyDetector().detect(book);
    }

    private static ProcurementPolicy ceiling(String amount) {
        ProcurementPolicy d = ProcurementPolicy.DEFAULT;
        return new ProcurementPolicy(d.maxTermMonths(), d.autoRenewalAllowed(), d.slaCreditsRequired(), d.availabilityPercent(),
                d.timeToRepair(), new BigDecimal(amount), d.approvalThreshold());
    }

    private static Contract contract(LocalDate end, boolean autoRenewal, SlaTerms sla, String committed) {
        return new Contract("Acme", "C-1", Period.of(LocalDate.of(2024, 1, 1), end), autoRenewal, 0,
                committed == null ? null : Money.of(committed, "USD"), List.of(), sla);
    }

    @Test
    void aContractRightAtEveryLimitBreaksNothing() {
        // 36 months to the day, 99.9 %, 4 hours, credits: the policy's own limits are allowed
        assertEquals(List.of(), detect(contract(LocalDate.of(2026, 12, 31), false, COMPLIANT, "500000"),
                ceiling("500000")));
    }

    @Test
    void everyBreachIsNamedInOneFinding() {
        List<Finding> findings = detect(contract(LocalDate.of(2027, 1, 31), true, new SlaTerms(new BigDecimal("99.5"), Duration.ofHours(8),
                null), "600000"), ceiling("500000"));
        assertEquals(1, findings.size());
        assertEquals("Contract C-1 with Acme breaks the procurement policy: a term of 37 months, longer than the 36 allowed; "
                + "it renews itself, which the policy does not allow; no service credits for a missed SLA; availability 99.5 %, below "
                + "the 99.9 % required; repair within 8 hours, longer than the 4 allowed; a committed spend of 600000.00 USD, above the "
                + "ceiling of 500000. Put it right when it is renegotiated.", findings.get(0).explanation());
        assertEquals(Money.of("0", "USD"), findings.get(0).annualImpact());
    }

    @Test
    void aPolicyThatAllowsRenewalDoesNotFlagIt() {
        ProcurementPolicy d = ProcurementPolicy.DEFAULT;
        assertEquals(List.of(), detect(contract(LocalDate.of(2026, 12, 31), true, COMPLIANT, null), new ProcurementPolicy(d.maxTermMonths(),
                true, d.slaCreditsRequired(), d.availabilityPercent(), d.timeToRepair(), null, null)));
    }
}
