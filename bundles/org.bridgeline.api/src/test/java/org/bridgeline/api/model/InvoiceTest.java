package org.bridgeline.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    private final InvoiceHeader header = new InvoiceHeader("Acme", "A-1", null, "INV-7",
            LocalDate.of(2026, 3, 1), Period.of(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)),
            Currency.getInstance("USD"), SourcePosition.of("bill.csv", 1, 1));

    private ChargeLine line(String amount, long record) {
        return ChargeLine.builder().invoice(header).category(ChargeCategory.RECURRING)
                .amount(Money.of(amount, "USD")).source(SourcePosition.of("bill.csv", record, record)).build();
    }

    @Test
    void reconcilesLinesAgainstTheStatedTotal() {
        Invoice balanced = new Invoice(header, Money.of("150.25", "USD"), List.of(line("100.00", 2), line("50.25", 3)));
        assertTrue(balanced.reconciliationGap().orElseThrow().isZero());

        Invoice short_ = new Invoice(header, Money.of("150.00", "USD"), List.of(line("100.00", 2)));
        assertEquals("50.00 USD", short_.reconciliationGap().orElseThrow().toString());

        Invoice unstated = new Invoice(header, null, List.of(line("1", 2)));
        assertTrue(unstated.reconciliationGap().isEmpty());
    }

    @Test
    void aLineWithoutItsSourceIsRefused() {
        NullPointerException error = assertThrows(NullPointerException.class, () -> ChargeLine.builder()
                .invoice(header).category(ChargeCategory.TAX).amount(Money.of("1", "USD")).build());
        assertEquals("source", error.getMessage());
    }

    @Test
    void serviceTypeDefaultsToOther() {
        assertEquals(ServiceType.OTHER, line("1", 2).serviceType());
    }

    @Test
    void periodCountsBothEnds() {
        assertEquals(28, header.billingPeriod().days());
        assertThrows(IllegalArgumentException.class, () -> Period.of(LocalDate.of(2026, 2, 2), LocalDate.of(2026, 2, 1)));
    }
}
