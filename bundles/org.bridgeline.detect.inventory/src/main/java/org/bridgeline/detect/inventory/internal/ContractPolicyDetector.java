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
import org.bridgeline.api.model.ProcurementPolicy;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.Severity;
import org.osgi.service.component.annotations.Component;

/**
 * Contracts that break the procurement policy: a term longer than it allows, a renewal it does
 * not allow, no service credits for a missed SLA, an availability or repair time weaker than it
 * requires, a committed spend above its ceiling. One finding per contract lists every breach; it
 * costs nothing today, so its impact is zero: the remedy is the next negotiation. The policy is the
 * book's ({@code org.bridgeline.policy}).
 */
@Component
public final class ContractPolicyDetector implements AnomalyDetector {

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
            List<String> breaches = breaches(contract, book.policy());
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

    static List<String> breaches(Contract contract, ProcurementPolicy policy) {
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
        BigDecimal least = policy.availabilityPercent();
        if (least != null && (availability == null || availability.compareTo(least) < 0)) {
            breaches.add(availability == null ? "no availability commitment (policy: " + least.toPlainString() + " %)"
                    : "availability " + availability.toPlainString() + " %, below the " + least.toPlainString() + " % required");
        }
        Duration repair = contract.sla().timeToRepair();
        Duration longest = policy.timeToRepair();
        if (longest != null && (repair == null || repair.compareTo(longest) > 0)) {
            breaches.add(repair == null ? "no time-to-repair commitment (policy: " + longest.toHours() + " hours)"
                    : "repair within " + repair.toHours() + " hours, longer than the " + longest.toHours() + " allowed");
        }
        BigDecimal ceiling = policy.committedSpendCeiling();
        if (ceiling != null && contract.committedSpend() != null && contract.committedSpend().amount().compareTo(ceiling) > 0) {
            breaches.add("a committed spend of " + contract.committedSpend().rounded() + ", above the ceiling of "
                    + ceiling.stripTrailingZeros().toPlainString());
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
