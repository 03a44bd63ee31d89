package org.bridgeline.api.model;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Service-level terms: what a contract promises or what IT needs.
 *
 * @param availabilityPercent monthly availability, for example {@code 99.99}; {@code null} if unstated
 * @param timeToRepair        mean time to repair, or {@code null} if unstated
 * @param creditPercent       share of the monthly charge credited on a breach; {@code null} when
 *                            there are no SLA credits
 */
public record SlaTerms(BigDecimal availabilityPercent, Duration timeToRepair, BigDecimal creditPercent) {

    public static final SlaTerms NONE = new SlaTerms(null, null, null);
}
