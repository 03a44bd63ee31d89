package org.bridgeline.negotiation.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import org.bridgeline.api.detect.BenchmarkMatch;
import org.bridgeline.api.detect.UsageMatch;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Requirement;
import org.bridgeline.api.model.ServiceType;

/**
 * One carrier's negotiation package: what the enterprise buys from it, what is wrong, what it
 * should cost, what IT needs next, and what the enterprise expects. Every amount is in the
 * package's currency.
 */
record NegotiationPackage(String carrier, Currency currency, YearMonth billedFrom, YearMonth billedTo, long auditRunId,
        Instant auditedAt, int targetPercentile, List<ServiceRow> services, List<SpendRow> sites, List<SpendRow> serviceTypes,
        List<ActionRow> credits, List<ActionRow> disconnects, List<ActionRow> corrections, List<ActionRow> renegotiations,
        List<BenchmarkMatch> benchmarks, List<UsageMatch> usage, List<RequirementRow> requirements, List<ServiceRow> notNeeded, Terms terms, Totals totals,
        List<Unreconciled> unreconciled, Disputes disputes) {

    NegotiationPackage(String carrier, Currency currency, YearMonth billedFrom, YearMonth billedTo, long auditRunId, Instant auditedAt,
            int targetPercentile, List<ServiceRow> services, List<SpendRow> sites, List<SpendRow> serviceTypes, List<ActionRow> credits,
            List<ActionRow> disconnects, List<ActionRow> corrections, List<ActionRow> renegotiations, List<BenchmarkMatch> benchmarks,
            List<UsageMatch> usage, List<RequirementRow> requirements, List<ServiceRow> notNeeded, Terms terms, Totals totals,
            List<Unreconciled> unreconciled) {
        this(carrier, currency, billedFrom, billedTo, auditRunId, auditedAt, targetPercentile, services, sites, serviceTypes, credits,
                disconnects, corrections, renegotiations, benchmarks, usage, requirements, notNeeded, terms, totals, unreconciled,
                Disputes.none(currency));
    }

    /** The same package with the carrier's disputes in the package's currency, as they stand on {@code today}. */
    NegotiationPackage withDisputes(List<org.bridgeline.store.DisputeRecord> all, java.time.LocalDate today) {
        return new NegotiationPackage(carrier, currency, billedFrom, billedTo, auditRunId, auditedAt, targetPercentile, services, sites,
                serviceTypes, credits, disconnects, corrections, renegotiations, benchmarks, usage, requirements, notNeeded, terms, totals,
                unreconciled, Disputes.of(all.stream().filter(d -> d.carrier().equals(carrier) && d.claimed().currency().equals(currency))
                        .toList(), currency, today));
    }

    /**
     * What the carrier was asked to credit and what it did: the disputes still outstanding (largest first, with their age),
     * what all its disputes were credited to date (the credit lines matched to them, exactly), and what it denied.
     *
     * @param outstanding      open disputes submitted to the carrier with something still owed
     * @param outstandingTotal what they still claim
     * @param creditedToDate   every applied credit of every dispute with the carrier
     * @param deniedTotal      what denied disputes claimed, less what they were credited
     * @param drafts           disputes not yet submitted
     * @param costAvoided      what disputed charges that stopped have saved since, month by month
     */
    record Disputes(List<DisputeRow> outstanding, Money outstandingTotal, Money creditedToDate, Money deniedTotal, int denied, int drafts,
            Money costAvoided) {

        static Disputes none(Currency currency) {
            Money zero = new Money(BigDecimal.ZERO, currency);
            return new Disputes(List.of(), zero, zero, zero, 0, 0, zero);
        }

        static Disputes of(List<org.bridgeline.store.DisputeRecord> disputes, Currency currency, java.time.LocalDate today) {
            Money zero = new Money(BigDecimal.ZERO, currency);
            Money outstanding = zero;
            Money credited = zero;
            Money denied = zero;
            Money avoided = zero;
            int deniedCount = 0;
            int drafts = 0;
            List<DisputeRow> rows = new java.util.ArrayList<>();
            for (org.bridgeline.store.DisputeRecord dispute : disputes) {
                credited = credited.plus(dispute.credited());
                avoided = avoided.plus(dispute.costAvoided(today));
                if (dispute.state() == org.bridgeline.store.DisputeState.DENIED) {
                    denied = denied.plus(dispute.outstanding());
                    deniedCount++;
                } else if (dispute.state() == org.bridgeline.store.DisputeState.DRAFT) {
                    drafts++;
                } else if (dispute.state().open() && dispute.outstanding().amount().signum() > 0) {
                    outstanding = outstanding.plus(dispute.outstanding());
                    rows.add(new DisputeRow(dispute.disputeId(), dispute.state().name(), dispute.account(), dispute.findings().size(),
                            dispute.claimed(), dispute.credited(), dispute.outstanding(), dispute.submittedOn(), dispute.ageDays(today),
                            dispute.aging(today)));
                }
            }
            rows.sort(java.util.Comparator.comparing((DisputeRow row) -> row.outstanding().amount()).reversed()
                    .thenComparingLong(DisputeRow::disputeId));
            return new Disputes(rows, outstanding, credited, denied, deniedCount, drafts, avoided);
        }

        /** What is outstanding per aging bucket, in the buckets' order. */
        java.util.Map<String, Money> byAging() {
            java.util.Map<String, Money> buckets = new java.util.LinkedHashMap<>();
            for (String bucket : List.of("0-30", "31-60", "61-90", "over 90")) {
                buckets.put(bucket, outstanding.stream().filter(row -> row.aging().equals(bucket)).map(DisputeRow::outstanding)
                        .reduce(new Money(BigDecimal.ZERO, outstandingTotal.currency()), Money::plus));
            }
            return buckets;
        }
    }

    /** A dispute still outstanding with the carrier. */
    record DisputeRow(long disputeId, String state, String account, int findings, Money claimed, Money credited, Money outstanding,
            java.time.LocalDate submittedOn, long ageDays, String aging) {
    }

    /** The version of package.json's schema: a reader checks it before reading on. */
    static final String SCHEMA = "bridgeline-negotiation-package/1";

    /** An invoice whose lines do not add up to the total it states: the figures rest on its lines as imported. */
    record Unreconciled(String account, String invoiceNumber, java.time.LocalDate invoiceDate, Money stated, Money lines) {
        Money gap() {
            return stated.minus(lines);
        }
    }

    /** A service billed in the carrier's latest month. */
    record ServiceRow(String serviceId, String account, ServiceType type, BigDecimal bandwidthMbps, String site, YearMonth firstBilled,
            YearMonth lastBilled, Money monthlyRecurring, Money monthlyUsage) {
    }

    /** Monthly spend grouped by site or by kind of service. */
    record SpendRow(String name, int services, Money monthlySpend) {
    }

    /** A finding turned into something to ask of the carrier. */
    record ActionRow(long findingId, String detectorId, String kind, String serviceId, Money monthly, Money annual, Money credit,
            String explanation, List<String> evidence) {
    }

    /**
     * A requirement set against what is billed today: {@code NEW} when no carrier provides the kind
     * of service at the site (open to every carrier), {@code UPGRADE} when this carrier's service
     * there has less bandwidth, {@code MET} when it already has enough.
     */
    record RequirementRow(Requirement requirement, String status, String currentServiceId, BigDecimal currentBandwidthMbps) {
    }

    /** What the enterprise expects in the renewed contract, from its procurement policy. */
    record Terms(int maxTermMonths, boolean autoRenewal, boolean slaCreditsRequired, BigDecimal availabilityPercent,
            Integer timeToRepairHours, Money committedSpendCeiling, BigDecimal approvalThreshold) {
    }

    /**
     * @param currentMonthlySpend     all charges of the latest month
     * @param billedSpend             all charges of the months billed, at most the last twelve
     * @param monthsBilled            the months {@code billedSpend} covers, from the first billed to the latest
     * @param currentAnnualSpend      {@code billedSpend} annualised: × 12 / {@code monthsBilled}, at the currency's scale
     * @param recoverableCredits      what the carrier owes back: the credits findings claim
     * @param expectedAnnualSavings   paying every service its benchmark target: (price − target) × 12 where positive, and
     *                                every call its per-minute benchmark: (billed − benchmark) a year where positive
     * @param annualSavingsDisconnect what the services to disconnect cost a year
     */
    record Totals(Money currentMonthlySpend, Money billedSpend, int monthsBilled, Money currentAnnualSpend, Money recoverableCredits, Money expectedAnnualSavings,
            Money annualSavingsDisconnect) {
    }
}
