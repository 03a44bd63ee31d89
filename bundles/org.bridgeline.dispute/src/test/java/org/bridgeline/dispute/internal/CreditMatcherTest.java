package org.bridgeline.dispute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.SourcePosition;
import org.junit.jupiter.api.Test;

class CreditMatcherTest {

    private static final LocalDate SUBMITTED = LocalDate.of(2026, 1, 2);
    private final CreditMatcher matcher = new CreditMatcher(new BigDecimal("0.01"), 6);
    private int record;

    private static CreditMatcher.Open dispute(long id, String outstanding, String service, String code) {
        return new CreditMatcher.Open(id, new BigDecimal(outstanding), SUBMITTED, service == null ? Set.of() : Set.of(service),
                code == null ? Set.of() : Set.of(code));
    }

    private CreditMatcher.Credit credit(String invoice, LocalDate date, String service, String code, String amount) {
        ChargeLine line = ChargeLine.builder().carrier("Acme").account("A1").invoiceNumber(invoice).invoiceDate(date).serviceId(service)
                .category(ChargeCategory.CREDIT).chargeCode(code).amount(Money.of("-" + amount, "USD"))
                .source(SourcePosition.of(invoice + ".edi", ++record, record)).build();
        return new CreditMatcher.Credit(invoice + "#" + record, line);
    }

    private static String summary(List<CreditMatcher.Decision> decisions) {
        return String.join("; ", decisions.stream().map(d -> d.disputeId() + (d.proposed() ? " proposed " : " applied ")
                + d.applied().stripTrailingZeros().toPlainString()).toList());
    }

    private static final LocalDate JANUARY = LocalDate.of(2026, 1, 31);
    private static final LocalDate FEBRUARY = LocalDate.of(2026, 2, 28);

    @Test
    void aCreditNamingADisputedServiceGoesToItsDisputeWholeOrInPart() {
        List<CreditMatcher.Open> disputes = List.of(dispute(1, "120.00", "DIA-1", "DIA100"), dispute(2, "80.00", "ETH-2", "ETH100"));
        assertEquals("1 applied 120", summary(matcher.match(disputes, List.of(credit("J", JANUARY, "DIA-1", "DIA100", "120.00")))));
        assertEquals("2 applied 40", summary(matcher.match(disputes, List.of(credit("J", JANUARY, "ETH-2", "CRDT", "40.00")))));
        // split over two bills: the second pays the rest
        assertEquals("2 applied 40; 2 applied 40", summary(matcher.match(disputes, List.of(credit("J", JANUARY, "ETH-2", null, "40.00"),
                credit("F", FEBRUARY, "ETH-2", null, "40.00")))));
    }

    @Test
    void aCreditNamingNoDisputedServiceIsMatchedByAmountAloneOrBySumsOfDisputes() {
        List<CreditMatcher.Open> disputes = List.of(dispute(1, "120.00", "DIA-1", null), dispute(2, "80.00", "ETH-2", null),
                dispute(3, "33.17", null, null), dispute(4, "12.50", null, null));
        // on another service of the account, for exactly what dispute 1 claims
        assertEquals("1 applied 120", summary(matcher.match(disputes, List.of(credit("J", JANUARY, "DIA-9", "CRDT", "120.00")))));
        // one account credit paying two bill-level disputes
        assertEquals("3 applied 33.17; 4 applied 12.5", summary(matcher.match(disputes, List.of(credit("J", JANUARY, null, "CRDT", "45.67")))));
        // amounts no dispute claims: nothing
        assertEquals("", summary(matcher.match(disputes, List.of(credit("J", JANUARY, null, "CRDT", "17.42"),
                credit("J", JANUARY, "POTS-4", "CRDT", "99.99")))));
        // two credits of one bill that together pay dispute 2
        assertEquals("2 applied 30; 2 applied 50", summary(matcher.match(disputes, List.of(credit("J", JANUARY, null, "CRDT", "30.00"),
                credit("J", JANUARY, null, "CRDT", "50.00")))));
    }

    @Test
    void whatLeavesTwoAnswersIsProposedNeverApplied() {
        List<CreditMatcher.Open> disputes = List.of(dispute(1, "120.00", "DIA-1", null), dispute(2, "80.00", "ETH-2", null),
                dispute(3, "80.00", null, null));
        // the service says dispute 1, the amount dispute 2 or 3
        List<CreditMatcher.Decision> conflicting = matcher.match(disputes, List.of(credit("J", JANUARY, "DIA-1", "CRDT", "80.00")));
        assertTrue(conflicting.stream().allMatch(CreditMatcher.Decision::proposed), summary(conflicting));
        assertEquals(Set.of(1L, 2L, 3L), Set.copyOf(conflicting.stream().map(CreditMatcher.Decision::disputeId).toList()));
        // two disputes owe the same
        List<CreditMatcher.Decision> twins = matcher.match(disputes, List.of(credit("J", JANUARY, null, "CRDT", "80.00")));
        assertEquals("2 proposed 80; 3 proposed 80", summary(twins));
        // more than the service's dispute is owed
        assertEquals("1 proposed 120", summary(matcher.match(disputes, List.of(credit("J", JANUARY, "DIA-1", null, "150.00")))));
    }

    @Test
    void aCreditCountsOnlyOnBillsFromTheSubmissionToTheWindowsEnd() {
        List<CreditMatcher.Open> disputes = List.of(dispute(1, "120.00", "DIA-1", null));
        assertEquals("", summary(matcher.match(disputes, List.of(credit("D", LocalDate.of(2025, 12, 31), "DIA-1", null, "120.00")))));
        assertEquals("", summary(matcher.match(disputes, List.of(credit("A", LocalDate.of(2026, 7, 31), "DIA-1", null, "120.00")))));
        assertEquals("1 applied 120", summary(matcher.match(disputes, List.of(credit("J", LocalDate.of(2026, 7, 2), "DIA-1", null, "120.00")))));
    }
}
