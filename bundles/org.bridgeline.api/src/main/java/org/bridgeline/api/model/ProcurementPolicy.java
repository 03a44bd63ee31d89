package org.bridgeline.api.model;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * What procurement allows in a contract: the terms every negotiation package asks for and the
 * rules contracts are checked against. The operator sets it as the configuration
 * {@code org.bridgeline.policy}.
 *
 * @param maxTermMonths         the longest term allowed
 * @param autoRenewalAllowed    whether a contract may renew itself
 * @param slaCreditsRequired    whether a contract must pay service credits for a missed SLA
 * @param availabilityPercent   the least availability a contract may commit to, or {@code null} for no rule
 * @param timeToRepair          the longest time to repair a contract may commit to, or {@code null} for no rule
 * @param committedSpendCeiling the most a contract may commit to spend a year, or {@code null} for no ceiling
 * @param approvalThreshold     above this spend a year a contract needs procurement's approval, or {@code null}
 */
public record ProcurementPolicy(int maxTermMonths, boolean autoRenewalAllowed, boolean slaCreditsRequired, BigDecimal availabilityPercent,
        Duration timeToRepair, BigDecimal committedSpendCeiling, BigDecimal approvalThreshold) {

    /** The defaults: 36 months, no automatic renewal, SLA credits, 99.9 % and 4 hours, no ceiling, approval above 250,000. */
    public static final ProcurementPolicy DEFAULT = new ProcurementPolicy(36, false, true, new BigDecimal("99.9"), Duration.ofHours(4),
            null, new BigDecimal("250000"));
}
