package org.bridgeline.api.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of money in one currency.
 *
 * <p>Arithmetic keeps full precision; {@link #rounded()} rounds to the currency's minor unit
 * with {@link RoundingMode#HALF_EVEN}, the rounding Bridgeline uses for every reported total.
 * Adding or comparing amounts of different currencies is refused with an
 * {@link IllegalArgumentException}: Bridgeline never converts currencies silently.
 *
 * @param amount   the exact amount; negative for credits
 * @param currency the currency of the bill the amount comes from
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** This amount rounded half-even to the currency's minor unit (two places for USD). */
    public Money rounded() {
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        return new Money(amount.setScale(digits, RoundingMode.HALF_EVEN), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** Numeric equality regardless of scale: 10.5 USD and 10.50 USD are the same amount. */
    public boolean sameAmountAs(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount) == 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "currency mismatch: " + currency.getCurrencyCode() + " and " + other.currency.getCurrencyCode());
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Money money && currency.equals(money.currency) && amount.compareTo(money.amount) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * currency.hashCode() + amount.stripTrailingZeros().hashCode();
    }

    /** The amount with at least the currency's minor-unit digits (never rounded), then the currency: {@code 12.50 USD}. */
    @Override
    public String toString() {
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        BigDecimal shown = amount.scale() < digits ? amount.setScale(digits) : amount;
        return shown.toPlainString() + " " + currency.getCurrencyCode();
    }
}
