package org.bridgeline.detect.billing.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.detect.ServiceHistory;
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
 * store's per-service histories, never the lines (but a finding's evidence).
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
        // one service's history at a time, judged and dropped unless it is a candidate, so the book
        // is never held; a candidate whose latest month is not its carrier's latest is dropped at
        // the end (the service ended, it did not move)
        Map<String, YearMonth> latestOfCarrier = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        book.serviceHistories(LineQuery.ALL, history -> {
            SortedMap<YearMonth, Money> costs = history.combined(ChargeCategory.RECURRING, ChargeCategory.USAGE);
            if (!costs.isEmpty()) {
                latestOfCarrier.merge(history.carrier(), costs.lastKey(), (a, b) -> a.isAfter(b) ? a : b);
                judge(history, costs, candidates);
            }
        });
        candidates.removeIf(candidate -> candidate.month().isBefore(latestOfCarrier.get(candidate.who().carrier())));
        // the evidence: the recurring and usage lines of the month that moved, read in one pass per carrier
        Map<String, List<ChargeLine>> linesOf = new HashMap<>();
        candidates.stream().collect(Collectors.groupingBy(candidate -> candidate.who().carrier(), TreeMap::new,
                Collectors.mapping(candidate -> candidate.who().serviceId(), Collectors.toCollection(TreeSet::new))))
                .forEach((carrier, services) -> book.lines(LineQuery.carrier(carrier), services, line -> {
                    if (line.category() == ChargeCategory.RECURRING || line.category() == ChargeCategory.USAGE) {
                        linesOf.computeIfAbsent(key(line.carrier(), line.account(), line.serviceId()), k -> new ArrayList<>()).add(line);
                    }
                }));
        List<Finding> findings = new ArrayList<>();
        for (Candidate candidate : candidates) {
            ServiceHistory who = candidate.who();
            List<ChargeLine> evidence = linesOf.getOrDefault(key(who.carrier(), who.account(), who.serviceId()), List.of()).stream()
                    .filter(line -> YearMonth.from(line.chargedOn()).equals(candidate.month())).toList();
            findings.add(finding(candidate, evidence));
        }
        return findings;
    }

    private static String key(String carrier, String account, String serviceId) {
        return carrier + '\u0000' + account + '\u0000' + serviceId;
    }

    /** A service whose latest month moved: what a finding needs. */
    private record Candidate(ServiceHistory who, YearMonth month, Money latest, BigDecimal median, int monthsBefore, Money change,
            BigDecimal percent) {
    }

    private void judge(ServiceHistory who, SortedMap<YearMonth, Money> history, List<Candidate> candidates) {
        if (history.size() < config.minimumHistoryMonths() + 1) {
            return;
        }
        YearMonth month = history.lastKey();
        Money latest = history.get(month);
        List<BigDecimal> before = history.headMap(month).values().stream().map(Money::amount).sorted().toList();
        BigDecimal median = median(before);
        Money change = latest.minus(new Money(median, latest.currency()));
        if (median.signum() == 0 || change.amount().abs().compareTo(BigDecimal.valueOf(config.minimumChange())) < 0) {
            return;
        }
        BigDecimal percent = change.amount().multiply(BigDecimal.valueOf(100)).divide(median, MathContext.DECIMAL64);
        if (percent.abs().compareTo(BigDecimal.valueOf(config.thresholdPercent())) < 0) {
            return;
        }
        candidates.add(new Candidate(who, month, latest, median, before.size(), change, percent));
    }

    private Finding finding(Candidate candidate, List<ChargeLine> evidence) {
        ServiceHistory who = candidate.who();
        Money change = candidate.change();
        Money annual = Impacts.annual(change);
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
