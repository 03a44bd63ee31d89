package org.bridgeline.detect.billing.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.Severity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Detector 6: late fees and penalties billed. Lines whose charge code or description names a late
 * fee, penalty or finance charge (a pattern the operator can change) are reported for a credit:
 * where the carrier's agreement waives late fees the credit is owed (medium severity); otherwise
 * the fee was avoidable (low). A fee the carrier already reversed, a credit of the same amount
 * naming a late fee on the same account on that or a later bill (matched to the latest such fee
 * before it), is not reported.
 */
@Component(configurationPid = "org.bridgeline.detect.latefees")
public final class LateFeeDetector implements AnomalyDetector {

    /** Configuration {@code org.bridgeline.detect.latefees}. */
    public @interface Config {
        /** A regular expression matched (case-insensitively) against charge code and description. */
        String pattern() default "late[ -]?(payment|fee|charge)|penalt|finance charge|interest charge";
    }

    private final Pattern pattern;

    @Activate
    public LateFeeDetector(Config config) {
        this.pattern = Pattern.compile(config.pattern(), Pattern.CASE_INSENSITIVE);
    }

    @Override
    public String id() {
        return "late-fees";
    }

    @Override
    public String description() {
        return "late fees and penalties billed (owed back where the agreement waives them)";
    }

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        List<ChargeLine> fees = new ArrayList<>();
        List<ChargeLine> reversals = new ArrayList<>();
        // one pass over the book for the four kinds of line a fee is billed as; judged kind by kind, in this order
        List<ChargeCategory> kinds = List.of(ChargeCategory.ADJUSTMENT, ChargeCategory.ONE_TIME, ChargeCategory.SURCHARGE, ChargeCategory.CREDIT);
        book.linesIn(LineQuery.ALL, Set.copyOf(kinds), line -> {
            if (matches(line)) {
                (line.amount().isNegative() ? reversals : fees).add(line);
            }
        });
        Comparator<ChargeLine> byKind = Comparator.comparingInt(line -> kinds.indexOf(line.category()));
        fees.sort(byKind);
        reversals.sort(byKind);
        List<Contract> contracts = book.contracts(null);
        Set<ChargeLine> reversed = reversed(fees, reversals);
        List<Finding> findings = new ArrayList<>();
        for (ChargeLine fee : fees) {
            if (fee.amount().isZero() || reversed.contains(fee)) {
                continue;
            }
            Contract waiving = contracts.stream().filter(c -> c.carrier().equals(fee.carrier()) && c.lateFeesWaived()
                    && c.term().contains(fee.invoiceDate())).findFirst().orElse(null);
            String why = waiving != null ? "Contract " + waiving.contractId() + " waives late fees: the credit is owed."
                    : "Late fees are avoidable; ask for a credit and check the payment terms.";
            findings.add(new Finding(id(), "late-fee", waiving != null ? Severity.MEDIUM : Severity.LOW, fee.carrier(), fee.serviceId(),
                    List.of(fee), fee.amount(), fee.amount(), fee.carrier() + " billed a late fee of " + fee.amount().rounded() + " on invoice "
                            + fee.invoiceNumber() + " of " + fee.invoiceDate() + " (" + fee.source() + "): \""
                            + (fee.description() == null ? fee.chargeCode() : fee.description()) + "\". " + why,
                    RecommendedAction.DISPUTE_FOR_CREDIT, fee.amount()));
        }
        return findings;
    }

    /**
     * The fees the carrier took back: each credit reverses the latest fee of its amount on its account billed on or
     * before the credit's bill, and no fee is reversed twice.
     */
    private static Set<ChargeLine> reversed(List<ChargeLine> fees, List<ChargeLine> reversals) {
        Set<ChargeLine> reversed = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ChargeLine credit : reversals.stream().sorted(Comparator.comparing(ChargeLine::invoiceDate)).toList()) {
            fees.stream().filter(fee -> !reversed.contains(fee) && fee.carrier().equals(credit.carrier())
                    && fee.account().equals(credit.account()) && !fee.invoiceDate().isAfter(credit.invoiceDate())
                    && fee.amount().currency().equals(credit.amount().currency()) && credit.amount().negate().sameAmountAs(fee.amount()))
                    .max(Comparator.comparing(ChargeLine::invoiceDate)).ifPresent(reversed::add);
        }
        return reversed;
    }

    private boolean matches(ChargeLine line) {
        return line.chargeCode() != null && pattern.matcher(line.chargeCode()).find()
                || line.description() != null && pattern.matcher(line.description()).find();
    }
}
