package org.bridgeline.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void sumsExactlyWhereDoublesDrift() {
        Money total = Money.zero(java.util.Currency.getInstance("USD"));
        for (int i = 0; i < 10; i++) {
            total = total.plus(Money.of("0.10", "USD"));
        }
        assertEquals(0, total.amount().compareTo(BigDecimal.ONE));
    }

    @Test
    void roundsHalfEvenToTheCurrencyMinorUnit() {
        assertEquals("0.12 USD", Money.of("0.125", "USD").rounded().toString());
        assertEquals("0.14 USD", Money.of("0.135", "USD").rounded().toString());
        assertEquals("13 JPY", Money.of("12.5", "JPY").rounded().plus(Money.of("1", "JPY")).toString());
    }

    @Test
    void refusesToMixCurrencies() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Money.of("1", "USD").plus(Money.of("1", "AUD")));
        assertEquals("currency mismatch: USD and AUD", error.getMessage());
    }

    @Test
    void comparesAmountsRegardlessOfScale() {
        assertTrue(Money.of("10.5", "USD").sameAmountAs(Money.of("10.50", "USD")));
        assertEquals(Money.of("10.5", "USD"), Money.of("10.50", "USD"));
        assertEquals(Money.of("10.5", "USD").hashCode(), Money.of("10.500", "USD").hashCode());
        org.junit.jupiter.api.Assertions.assertNotEquals(Money.of("10.5", "USD"), Money.of("10.5", "AUD"));
    }
}
