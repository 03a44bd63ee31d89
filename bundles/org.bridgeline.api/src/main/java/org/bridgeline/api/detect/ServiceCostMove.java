package org.bridgeline.api.detect;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import org.bridgeline.api.model.Money;

/**
 * One month in which a service's cost (its recurring and usage charges) moved against the median
 * of its own months before: an aggregate the store computes with the median, so a detector judging
 * cost against history reads the months that moved, not every service's history.
 *
 * @param carrier          the carrier
 * @param account          the billing account
 * @param serviceId        the service
 * @param month            the month that moved (as {@link org.bridgeline.api.model.ChargeLine#chargedOn()} places a line)
 * @param cost             what the service cost in it
 * @param median           the median of its costs in the months before
 * @param monthsBefore     how many months before it the service was charged
 * @param lastMonth        the service's latest month with a recurring or usage charge
 * @param lastUsageMonth   its latest month with a usage charge, or {@code null} when it has none
 * @param carrierLastRecurringMonth the latest month any service of the carrier had a recurring charge, or {@code null}
 */
public record ServiceCostMove(String carrier, String account, String serviceId, YearMonth month, Money cost, BigDecimal median,
        int monthsBefore, YearMonth lastMonth, YearMonth lastUsageMonth, YearMonth carrierLastRecurringMonth) {

    /** The cost less the median. */
    public Money change() {
        return cost.minus(new Money(median, cost.currency()));
    }

    /** The change in percent of the median (which is never zero for a move). */
    public BigDecimal percent() {
        return change().amount().multiply(BigDecimal.valueOf(100)).divide(median, MathContext.DECIMAL64);
    }
}
