package org.bridgeline.detect.billing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.Severity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Detector 6: late fees and penalties billed. Adjustment lines whose charge code or description
 * names a late fee, penalty or finance charge (a pattern the operator can change) are reported
 * for a credit: paying on time, the enterprise owes none.
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
        return "late fees and penalties billed";
    }

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        List<Finding> findings = new ArrayList<>();
        for (ChargeCategory category : List.of(ChargeCategory.ADJUSTMENT, ChargeCategory.ONE_TIME, ChargeCategory.SURCHARGE)) {
            book.lines(LineQuery.ALL.withCategory(category), line -> {
                if (line.amount().isNegative() || !matches(line)) {
                    return;
                }
                findings.add(new Finding(id(), "late-fee", Severity.LOW, line.carrier(), line.serviceId(), List.of(line), line.amount(),
                        line.amount(), line.carrier() + " billed a late fee of " + line.amount().rounded() + " on invoice "
                                + line.invoiceNumber() + " of " + line.invoiceDate() + " (" + line.source() + "): \""
                                + (line.description() == null ? line.chargeCode() : line.description())
                                + "\". Late fees are avoidable; ask for a credit and check the payment terms.",
                        RecommendedAction.DISPUTE_FOR_CREDIT, line.amount()));
            });
        }
        return findings;
    }

    private boolean matches(ChargeLine line) {
        return line.chargeCode() != null && pattern.matcher(line.chargeCode()).find()
                || line.description() != null && pattern.matcher(line.description()).find();
    }
}
