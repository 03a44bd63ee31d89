package org.bridgeline.store;

import java.time.LocalDate;
import org.bridgeline.api.model.Money;

/**
 * A finding as a dispute holds it: a copy of what identifies its anomaly and what it claims, so the
 * dispute reads the same after later audits; its evidence stays with the finding in the audit role.
 *
 * @param findingId   the finding, in the audit run it came from
 * @param kind        the finding's kind
 * @param serviceId   the service it is about, or {@code null} for an account or invoice
 * @param chargeCode  the charge code of its evidence, or {@code null}
 * @param anomalyKey  what identifies the anomaly across audit runs (a later run's finding of the same anomaly has another id)
 * @param claimed     the credit it claims
 * @param monthlyImpact what the anomaly costs a month while it lasts, or {@code null} (disputes of schema 10)
 * @param explanation the finding's explanation
 * @param resolvedOn  the day later bills showed the charge gone, or {@code null}
 */
public record DisputedFinding(long findingId, String kind, String serviceId, String chargeCode, String anomalyKey, Money claimed,
        Money monthlyImpact, String explanation, LocalDate resolvedOn) {

    /**
     * What the anomaly's stopping has saved by {@code today}: its monthly impact for every month from the
     * one it stopped in; zero while it lasts.
     */
    public Money costAvoided(LocalDate today) {
        if (resolvedOn == null || monthlyImpact == null || today.isBefore(resolvedOn)) {
            return new Money(java.math.BigDecimal.ZERO, claimed.currency());
        }
        long months = java.time.temporal.ChronoUnit.MONTHS.between(java.time.YearMonth.from(resolvedOn), java.time.YearMonth.from(today)) + 1;
        return monthlyImpact.times(java.math.BigDecimal.valueOf(months));
    }
}
