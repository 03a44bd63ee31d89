package org.bridgeline.detect.billing.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.RecommendedAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Detector 2: the same service, charge code, period and amount billed more than once, on one
 * invoice or across accounts of the same carrier. Every copy beyond the first is a credit owed.
 */
@Component(configurationPid = "org.bridgeline.detect.duplicates")
public final class DuplicateChargeDetector implements AnomalyDetector {

    /** Configuration {@code org.bridgeline.detect.duplicates}. */
    public @interface Config {
        /** Copies worth less than this (in the bill's currency) are not reported. */
        double minimumAmount() default 0.01;

        /** Annual impact from which a finding is MEDIUM. */
        double mediumFrom() default 500;

        double highFrom() default 5_000;

        double criticalFrom() default 50_000;
    }

    private final Config config;

    @Activate
    public DuplicateChargeDetector(Config config) {
        this.config = config;
    }

    @Override
    public String id() {
        return "duplicate-charges";
    }

    @Override
    public String description() {
        return "the same service, charge code, period and amount billed more than once";
    }

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        return AnomalyDetector.collect(this, book);
    }

    @Override
    public void detect(BookOfBusiness book, Consumer<Finding> sink) {
        book.duplicateCandidates(LineQuery.ALL, group -> {
            ChargeLine first = group.lines().get(0);
            if (first.amount().amount().compareTo(BigDecimal.valueOf(config.minimumAmount())) < 0) {
                return;
            }
            int copies = group.lines().size() - 1;
            Money overbilled = first.amount().times(BigDecimal.valueOf(copies));
            boolean recurring = first.category() == ChargeCategory.RECURRING;
            // a recurring duplicate repeats every month until disputed; a one-time one happens once
            Money annual = recurring ? Impacts.annual(overbilled) : overbilled;
            String where = group.lines().stream().map(line -> line.invoiceNumber() + " (" + line.source() + ")").distinct()
                    .reduce((a, b) -> a + ", " + b).orElse("");
            sink.accept(new Finding(id(), "duplicate-charge", Impacts.severity(annual, config.mediumFrom(), config.highFrom(),
                    config.criticalFrom()), first.carrier(), first.serviceId(), group.lines(), overbilled, annual,
                    first.carrier() + " billed " + (first.chargeCode() == null ? "the charge" : first.chargeCode()) + " on "
                            + first.serviceId() + " for the same period " + (copies + 1) + " times at " + first.amount().rounded()
                            + " each: " + where + ". The " + copies + " extra " + (copies == 1 ? "copy is" : "copies are") + " "
                            + overbilled.rounded() + " overbilled" + (recurring ? " a month" : "") + "; dispute for a credit.",
                    RecommendedAction.DISPUTE_FOR_CREDIT, overbilled));
        });
    }
}
