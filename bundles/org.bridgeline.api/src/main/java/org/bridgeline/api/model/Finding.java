package org.bridgeline.api.model;

import java.util.List;
import java.util.Objects;

/**
 * An anomaly a detector found, priced and traced to the lines that prove it.
 *
 * @param detectorId    id of the detector that found it
 * @param kind          a stable short name for the kind of anomaly (for example
 *                      {@code "rate-above-contract"}); findings are grouped by it
 * @param severity      how urgent it is
 * @param carrier       the carrier concerned
 * @param serviceId     the service concerned, or {@code null} for an account-level finding
 * @param evidence      the charge lines it cites; each carries its source position
 * @param monthlyImpact the money at stake per month (positive: the enterprise overpays)
 * @param annualImpact  the money at stake per year
 * @param explanation   a plain-language explanation with the numbers, for a reader who never
 *                      saw the tool
 * @param action        what to do about it
 * @param recoverable   what was billed so far that the carrier owes back (a credit to claim); zero for a
 *                      finding about what to stop paying or pay less from now on
 */
public record Finding(
        String detectorId,
        String kind,
        Severity severity,
        String carrier,
        String serviceId,
        List<ChargeLine> evidence,
        Money monthlyImpact,
        Money annualImpact,
        String explanation,
        RecommendedAction action,
        Money recoverable) {

    /** A finding with nothing billed so far to claim back: a saving ahead, not a credit. */
    public Finding(String detectorId, String kind, Severity severity, String carrier, String serviceId, List<ChargeLine> evidence,
            Money monthlyImpact, Money annualImpact, String explanation, RecommendedAction action) {
        this(detectorId, kind, severity, carrier, serviceId, evidence, monthlyImpact, annualImpact, explanation, action, null);
    }

    public Finding {
        Objects.requireNonNull(detectorId, "detectorId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(monthlyImpact, "monthlyImpact");
        Objects.requireNonNull(annualImpact, "annualImpact");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(action, "action");
        evidence = List.copyOf(evidence);
        recoverable = recoverable == null ? Money.zero(monthlyImpact.currency()) : recoverable;
    }
}
