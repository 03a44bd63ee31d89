package org.bridgeline.detect.billing.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
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
import org.bridgeline.api.model.ChargeLine;
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
        // the months arrive service by service: judge each service when its rows end and keep only
        // the candidates, so the book is never held; a candidate whose latest month is not its
        // carrier's latest is dropped at the end (the service ended, it did not move)
        Map<String, YearMonth> latestOfCarrier = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        ByService byService = new ByService(months -> judge(months, candidates));
        book.serviceMonths(LineQuery.ALL, month -> {
            if (month.category() == ChargeCategory.RECURRING || month.category() == ChargeCategory.USAGE) {
                latestOfCarrier.merge(month.carrier(), month.month(), (a, b) -> a.isAfter(b) ? a : b);
                byService.accept(month);
            }
        });
        byService.finish();
        List<Finding> findings = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (candidate.month().isBefore(latestOfCarrier.get(candidate.who().carrier()))) {
                continue;
            }
            findings.add(finding(book, candidate));
        }
        return findings;
    }

    /** A service whose latest month moved: what a finding needs. */
    private record Candidate(ServiceMonth who, YearMonth month, Money latest, BigDecimal median, int monthsBefore, Money change,
            BigDecimal percent) {
    }

    private void judge(List<ServiceMonth> months, List<Candidate> candidates) {
        ServiceMonth who = months.get(0);
        // recurring and usage together, per currency
        Map<Currency, TreeMap<YearMonth, Money>> histories = new LinkedHashMap<>();
        months.forEach(month -> histories.computeIfAbsent(month.total().currency(), c -> new TreeMap<>())
                .merge(month.month(), month.total(), Money::plus));
        for (TreeMap<YearMonth, Money> history : histories.values()) {
            if (history.size() < config.minimumHistoryMonths() + 1) {
                continue;
            }
            Map.Entry<YearMonth, Money> latest = history.lastEntry();
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
            candidates.add(new Candidate(who, latest.getKey(), latest.getValue(), median, before.size(), change, percent));
        }
    }

    private Finding finding(BookOfBusiness book, Candidate candidate) {
        ServiceMonth who = candidate.who();
        Money change = candidate.change();
        Money annual = Impacts.annual(change);
        // the evidence: the service's recurring and usage lines of the month that moved
        List<ChargeLine> evidence = new ArrayList<>();
        book.lines(new LineQuery(who.carrier(), who.account(), who.serviceId(), null), line -> {
            if (YearMonth.from(line.chargedOn()).equals(candidate.month())
                    && (line.category() == ChargeCategory.RECURRING || line.category() == ChargeCategory.USAGE)) {
                evidence.add(line);
            }
        });
        return new Finding(id(), "cost-variance", Impacts.severity(annual, config.mediumFrom(), config.highFrom(), config.criticalFrom()),
                who.carrier(), who.serviceId(), evidence, change, annual,
                who.serviceId() + " at " + who.carrier() + " cost " + candidate.latest().rounded() + " in " + candidate.month()
                        + " against a median of " + new Money(candidate.median(), change.currency()).rounded() + " over the "
                        + candidate.monthsBefore() + " months before: " + (change.isNegative() ? "" : "+")
                        + candidate.percent().setScale(1, RoundingMode.HALF_EVEN) + "%. "
                        + (change.isNegative() ? "Check the service still works as ordered."
                        : "Find what changed (rate, new features, usage) before paying it."),
                change.isNegative() ? RecommendedAction.REVIEW : RecommendedAction.RENEGOTIATE);
    }

    static BigDecimal median(List<BigDecimal> sorted) {
        int size = sorted.size();
        return size % 2 == 1 ? sorted.get(size / 2)
                : sorted.get(size / 2 - 1).add(sorted.get(size / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
    }
}
