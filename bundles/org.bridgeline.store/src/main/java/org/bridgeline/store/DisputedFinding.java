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
 * @param explanation the finding's explanation
 * @param resolvedOn  the day later bills showed the charge gone, or {@code null}
 */
public record DisputedFinding(long findingId, String kind, String serviceId, String chargeCode, String anomalyKey, Money claimed,
        String explanation, LocalDate resolvedOn) {
}
