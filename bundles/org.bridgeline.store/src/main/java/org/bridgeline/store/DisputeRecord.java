package org.bridgeline.store;

import java.time.Instant;
import java.util.List;
import org.bridgeline.api.model.Money;

/**
 * A dispute with its carrier: the findings of one carrier account it claims credits for, where it
 * stands, its history and the credits later bills brought.
 *
 * @param disputeId   its id, unique per tenant
 * @param carrier     the carrier
 * @param account     the billing account
 * @param state       where it stands
 * @param claimed     what it claims: its findings' credits
 * @param openedAt    when it was opened
 * @param submittedAt when it was first submitted to the carrier, or {@code null}
 * @param findings    its findings
 * @param history     every change, oldest first
 * @param credits     the credit lines set against it, in the order found
 */
public record DisputeRecord(long disputeId, String carrier, String account, DisputeState state, Money claimed, Instant openedAt,
        Instant submittedAt, List<DisputedFinding> findings, List<DisputeEvent> history, List<DisputeCredit> credits) {

    public DisputeRecord {
        findings = List.copyOf(findings);
        history = List.copyOf(history);
        credits = List.copyOf(credits);
    }

    /** The day it was first submitted (UTC), or {@code null}. */
    public java.time.LocalDate submittedOn() {
        return submittedAt == null ? null : java.time.LocalDate.ofInstant(submittedAt, java.time.ZoneOffset.UTC);
    }

    /** Days from its submission to {@code today}; 0 when never submitted. */
    public long ageDays(java.time.LocalDate today) {
        return submittedAt == null ? 0 : Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(submittedOn(), today));
    }

    /**
     * How long it has waited, in the buckets collections use: {@code 0-30}, {@code 31-60}, {@code 61-90},
     * {@code over 90} days since submission; {@code -} when never submitted or no longer open.
     */
    public String aging(java.time.LocalDate today) {
        if (submittedAt == null || !state.open()) {
            return "-";
        }
        long days = ageDays(today);
        return days <= 30 ? "0-30" : days <= 60 ? "31-60" : days <= 90 ? "61-90" : "over 90";
    }

    /** What applied credits have brought, in the claim's currency. */
    public Money credited() {
        Money sum = new Money(java.math.BigDecimal.ZERO, claimed.currency());
        for (DisputeCredit credit : credits) {
            if (credit.status() == DisputeCredit.Status.APPLIED) {
                sum = sum.plus(credit.applied());
            }
        }
        return sum;
    }

    /** What the anomalies that stopped have saved by {@code today}, counted from the month each stopped. */
    public Money costAvoided(java.time.LocalDate today) {
        Money sum = new Money(java.math.BigDecimal.ZERO, claimed.currency());
        for (DisputedFinding finding : findings) {
            sum = sum.plus(finding.costAvoided(today));
        }
        return sum;
    }

    /** What is still owed: the claim less what was credited, never below zero. */
    public Money outstanding() {
        Money rest = claimed.minus(credited());
        return rest.amount().signum() < 0 ? new Money(java.math.BigDecimal.ZERO, claimed.currency()) : rest;
    }
}
