package org.bridgeline.enterprise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bridgeline.api.model.ChargeLine;
import org.junit.jupiter.api.Test;

class LaterBillsTest {

    @Test
    void theLaterBillsLeaveTheYearAsItWasAndCarryEveryKindOfCredit() {
        SeededEnterprise plain = SeededEnterprise.generate(7, 12);
        SeededEnterprise later = SeededEnterprise.generate(7, 12);
        LaterBills bills = later.laterBills();
        assertEquals(plain.lines(), later.lines(), "the year's bills are the same");
        assertEquals(plain.truth(), later.truth());
        assertEquals(plain.expectedCredits(), later.expectedCredits());

        Set<String> invoices = bills.lines().stream().map(ChargeLine::invoiceNumber).collect(Collectors.toSet());
        assertEquals(Set.of("AC-2026-01", "AC-2026-02", "NO-2026-01", "NO-2026-02", "BL-2026-01", "BL-2026-02"), invoices);
        Set<String> scenarios = bills.credits().stream().map(LaterBills.Credit::scenario).collect(Collectors.toSet());
        assertTrue(scenarios.containsAll(List.of("full", "partial", "split", "pair", "other-service", "ambiguous", "unrelated")), scenarios.toString());
        assertTrue(bills.credits().stream().anyMatch(LaterBills.Credit::ambiguous));
        // every credit is a line of its bill, and what a credit settles is owed
        Map<SeededEnterprise.Anomaly, BigDecimal> owed = later.owedCredits();
        for (LaterBills.Credit credit : bills.credits()) {
            assertTrue(credit.amount().signum() < 0, credit.toString());
            assertTrue(bills.lines().stream().anyMatch(line -> line.invoiceNumber().equals(credit.invoice())
                    && line.amount().amount().compareTo(credit.amount()) == 0 && java.util.Objects.equals(line.serviceId(), credit.serviceId())),
                    "on its bill: " + credit);
            credit.settles().forEach(anomaly -> assertTrue(owed.containsKey(anomaly), anomaly.toString()));
            if (credit.scenario().equals("pair") && !credit.ambiguous()) {
                BigDecimal both = credit.settles().stream().map(owed::get).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertEquals(0, both.compareTo(credit.amount().negate()), "a pair's credit pays both");
            }
        }
        assertEquals(later.laterBills(), bills, "the same later bills each time");
    }
}
