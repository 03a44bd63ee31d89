package org.bridgeline.store;

import java.time.YearMonth;
import org.bridgeline.api.model.Money;

/**
 * What a carrier billed for one month in one currency: every current line, taxes and account-level
 * charges included, by the month it is charged for (its charge period's start, else its billing
 * period's, else its invoice date).
 *
 * @param carrier the carrier
 * @param month   the month charged
 * @param total   the exact sum
 * @param lines   how many lines
 */
public record MonthlySpend(String carrier, YearMonth month, Money total, long lines) {
}
