package org.bridgeline.detect.billing.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.detect.ServiceMonth;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.RecommendedAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Detector 8: a service's monthly cost (recurring and usage) moves more than a threshold against
 * its own history: the latest month against the median of the months before it. Reads the
 * store's per-service monthly totals, never the lines.
 */
@Component(configurationPid = "org.bridgeline.detect.variance")
public final class CostVarianceDetector implements AnomalyDetector {

    /** Configuration {@code org.bridgeline.detect.variance}. */
    public @interface Config {
        /** Change against the median, in percent, from which a month is reported. */
        double thresholdPercent() default 25;

        /** Months of history a service needs before its latest month is judged. */
        int minimumHistoryMonths() default 3;

        /** Changes smaller than this amount are not reported, whatever the percentage. */
        double minimumChange() default 10;

        double mediumFrom() default 500;

        double highFrom() default 5_000;

        double criticalFrom() default 50_000;
    }

    private final Config config;

    @Activate
    public CostVarianceDetector(Config config) {
        this.config = config;
    }

    @Override
    public String id() {
        return "cost-variance";
    }

    @Override
    public String description() {
        return "a service's monthly cost moves more than " + config.thresholdPercent() + "% against its own history";
    }

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        // per service: month → recurring + usage
        Map<String, TreeMap<YearMonth, Money>> services = new LinkedHashMap<>();
        Map<String, ServiceMonth> identity = new LinkedHashMap<>();
        Map<String, YearMonth> latestOfCarrier = new HashMap<>();
        for (ServiceMonth month : book.serviceMonths(LineQuery.ALL)) {
            if (month.category() != ChargeCategory.RECURRING && month.category() != ChargeCategory.USAGE) {
                continue;
            }
            latestOfCarrier.merge(month.carrier(), month.month(), (a, b) -> a.isAfter(b) ? a : b);
            String key = month.carrier() + '\u0000' + month.account() + '\u0000' + month.serviceId() + '\u0000'
                    + month.total().currency().getCurrencyCode();
            identity.putIfAbsent(key, month);
            services.computeIfAbsent(key, k -> new TreeMap<>()).merge(month.month(), month.total(), Money::plus);
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, TreeMap<YearMonth, Money>> service : services.entrySet()) {
            TreeMap<YearMonth, Money> history = service.getValue();
            if (history.size() < config.minimumHistoryMonths() + 1) {
                continue;
            }
            Map.Entry<YearMonth, Money> latest = history.lastEntry();
            if (latest.getKey().isBefore(latestOfCarrier.get(identity.get(service.getKey()).carrier()))) {
                continue; // no longer billed: the service ended (a disconnect), it did not move
            }
            List<BigDecimal> before = history.headMap(latest.getKey()).values().stream().map(Money::amount).sorted().toList();
            BigDecimal median = median(before);
            Money change = latest.getValue().minus(new Money(median, latest.getValue().currency()));
            if (median.signum() == 0 || change.amount().abs().compareTo(BigDecimal.valueOf(config.minimumChange())) < 0) {
                continue;
            }
            BigDecimal percent = change.amount().multiply(BigDecimal.valueOf(100)).divide(median, MathContext.DECIMAL64);
            if (percent.abs().compareTo(BigDecimal.valueOf(config.thresholdPercent())) < 0) {
                continue;
            }
            ServiceMonth who = identity.get(service.getKey());
            Money annual = Impacts.annual(change);
            // the evidence: the service's recurring and usage lines of the month that moved
            List<org.bridgeline.api.model.ChargeLine> evidence = new ArrayList<>();
            YearMonth month = latest.getKey();
            book.lines(new LineQuery(who.carrier(), who.account(), who.serviceId(), null), line -> {
                LocalDate charged = line.chargedOn();
                if (YearMonth.from(charged).equals(month)
                        && (line.category() == ChargeCategory.RECURRING || line.category() == ChargeCategory.USAGE)) {
                    evidence.add(line);
                }
            });
            findings.add(new Finding(id(), "cost-variance", Impacts.severity(annual, config.mediumFrom(), config.highFrom(),
                    config.criticalFrom()), who.carrier(), who.serviceId(), evidence, change, annual,
                    who.serviceId() + " at " + who.carrier() + " cost " + latest.getValue().rounded() + " in " + latest.getKey()
                            + " against a median of " + new Money(median, change.currency()).rounded() + " over the " + before.size()
                            + " months before: " + (change.isNegative() ? "" : "+") + percent.setScale(1, RoundingMode.HALF_EVEN)
                            + "%. " + (change.isNegative() ? "Check the service still works as ordered."
                            : "Find what changed (rate, new features, usage) before paying it."),
                    change.isNegative() ? RecommendedAction.REVIEW : RecommendedAction.RENEGOTIATE));
        }
        return findings;
    }

    static BigDecimal median(List<BigDecimal> sorted) {
        int size = sorted.size();
        return size % 2 == 1 ? sorted.get(size / 2)
                : sorted.get(size / 2 - 1).add(sorted.get(size / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
    }
}
