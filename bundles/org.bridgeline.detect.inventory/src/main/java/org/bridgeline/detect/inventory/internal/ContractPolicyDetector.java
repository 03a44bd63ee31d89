package org.bridgeline.detect.inventory.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.Severity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Contracts that break the procurement policy: a term longer than it allows, a renewal it does
 * not allow, no service credits for a missed SLA, an availability or repair time weaker than it
 * requires, a committed spend above its ceiling. One finding per contract lists every breach; it
 * costs nothing today, so its impact is zero: the remedy is the next negotiation.
 */
@Component(configurationPid = "org.bridgeline.policy")
public final class ContractPolicyDetector implements AnomalyDetector {

    /** Configuration {@code org.bridgeline.policy}: the procurement policy (the negotiation packages read it too). */
    public @interface Config {
        /** The longest contract term allowed, in months. */
        int maxTermMonths() default 36;

        /** Whether a contract may renew itself. */
        boolean autoRenewalAllowed() default false;

        /** Whether every contract must pay service credits for a missed SLA. */
        boolean slaCreditsRequired() default true;

        /** The least availability a contract may commit to, in percent; 0 for no requirement. */
        double availabilityPercent() default 99.9;

        /** The longest time to repair a contract may commit to, in hours; 0 for no requirement. */
        int timeToRepairHours() default 4;

        /** The most a contract may commit the enterprise to spend a year; 0 for no ceiling. */
        double committedSpendCeiling() default 0;
    }

    private final Config policy;

    @Activate
    public ContractPolicyDetector(Config policy) {
        this.policy = policy;
    }

    @Override
    public String id() {
        return "contract-policy";
    }

    @Override
    public String description() {
        return "contracts that break the procurement policy";
    }

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        List<Finding> findings = new ArrayList<>();
        for (Contract contract : book.contracts(null)) {
            List<String> breaches = breaches(contract);
            if (breaches.isEmpty()) {
                continue;
            }
            Money none = Money.zero(currency(book, contract));
            findings.add(new Finding(id(), "policy-breach", breaches.size() > 1 ? Severity.MEDIUM : Severity.LOW, contract.carrier(), null,
                    List.of(), none, none, "Contract " + contract.contractId() + " with " + contract.carrier() + " breaks the procurement "
                            + "policy: " + String.join("; ", breaches) + ". Put it right when it is renegotiated.",
                    RecommendedAction.RENEGOTIATE));
        }
        return findings;
    }

    List<String> breaches(Contract contract) {
        List<String> breaches = new ArrayList<>();
        long months = ChronoUnit.MONTHS.between(contract.term().start(), contract.term().end().plusDays(1));
        if (months > policy.maxTermMonths()) {
            breaches.add("a term of " + months + " months, longer than the " + policy.maxTermMonths() + " allowed");
        }
        if (contract.autoRenewal() && !policy.autoRenewalAllowed()) {
            breaches.add("it renews itself, which the policy does not allow");
        }
        if (policy.slaCreditsRequired() && (contract.sla().creditPercent() == null || contract.sla().creditPercent().signum() <= 0)) {
            breaches.add("no service credits for a missed SLA");
        }
        BigDecimal availability = contract.sla().availabilityPercent();
        if (policy.availabilityPercent() > 0 && (availability == null
                || availability.compareTo(BigDecimal.valueOf(policy.availabilityPercent())) < 0)) {
            breaches.add(availability == null ? "no availability commitment (policy: " + policy.availabilityPercent() + " %)"
                    : "availability " + availability.toPlainString() + " %, below the " + policy.availabilityPercent() + " % required");
        }
        Duration repair = contract.sla().timeToRepair();
        if (policy.timeToRepairHours() > 0 && (repair == null || repair.compareTo(Duration.ofHours(policy.timeToRepairHours())) > 0)) {
            breaches.add(repair == null ? "no time-to-repair commitment (policy: " + policy.timeToRepairHours() + " hours)"
                    : "repair within " + repair.toHours() + " hours, longer than the " + policy.timeToRepairHours() + " allowed");
        }
        if (policy.committedSpendCeiling() > 0 && contract.committedSpend() != null
                && contract.committedSpend().amount().compareTo(BigDecimal.valueOf(policy.committedSpendCeiling())) > 0) {
            breaches.add("a committed spend of " + contract.committedSpend().rounded() + ", above the ceiling of "
                    + BigDecimal.valueOf(policy.committedSpendCeiling()).stripTrailingZeros().toPlainString());
        }
        return breaches;
    }

    /** The carrier's billing currency, else the contract's own. */
    private static Currency currency(BookOfBusiness book, Contract contract) {
        List<InvoiceHeader> invoices = book.invoices(LineQuery.carrier(contract.carrier()));
        if (!invoices.isEmpty()) {
            return invoices.get(0).currency();
        }
        if (contract.committedSpend() != null) {
            return contract.committedSpend().currency();
        }
        return contract.rates().isEmpty() ? Currency.getInstance("USD") : contract.rates().get(0).rate().currency();
    }
}
