package org.bridgeline.detect.billing.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * its own history, in any month of the window: each month against the median of the months before
 * it, a month placed by its charge period (usage billed in arrears belongs to the month it was
 * used). The service's worst month is reported. Not judged: a service's final month before its
 * carrier's latest (a disconnect, prorated), a month whose usage the carrier has not billed yet,
 * and a month whose rise is an exact repeat of a charge (the duplicate detector's finding). Reads
 * the store's per-service histories, never the lines (but a candidate's evidence).
 */
@Component(configurationPid = "org.bridgeline.detect.variance")
public final class CostVarianceDetector implements AnomalyDetector {

    /** Configuration {@code org.bridgeline.detect.variance}. */
    public @interface Config {
        /** Change against the median, in percent, from which a month is reported. */
        double thresholdPercent() default 25;

        /** Months of history a month needs before it is judged. */
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
        return "a service's monthly cost moves more than " + config.thresholdPercent() + "% against its own history, in any month";
    }

    /** What bounds the months that can be judged for a carrier: its latest month of recurring charges. */
    private static final class CarrierMonths {
        YearMonth recurring;

        void see(ServiceHistory history) {
            SortedMap<YearMonth, Money> months = history.months(ChargeCategory.RECURRING);
            if (!months.isEmpty() && (recurring == null || months.lastKey().isAfter(recurring))) {
                recurring = months.lastKey();
            }
        }
    }

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        // one service's history at a time, its months judged and dropped unless they moved, so the book is never held
        Map<String, CarrierMonths> carriers = new HashMap<>();
        List<Candidate> candidates = new ArrayList<>();
        book.serviceHistories(LineQuery.ALL, history -> {
            carriers.computeIfAbsent(history.carrier(), k -> new CarrierMonths()).see(history);
            SortedMap<YearMonth, Money> costs = history.combined(ChargeCategory.RECURRING, ChargeCategory.USAGE);
            if (!costs.isEmpty()) {
                judge(history, costs, candidates);
            }
        });
        candidates.removeIf(candidate -> !complete(candidate, carriers.get(candidate.who().carrier())));
        // the evidence: the recurring and usage lines of the months that moved, read in one pass per carrier
        Map<String, List<ChargeLine>> linesOf = new HashMap<>();
        candidates.stream().collect(Collectors.groupingBy(candidate -> candidate.who().carrier(), TreeMap::new,
                Collectors.mapping(candidate -> candidate.who().serviceId(), Collectors.toCollection(TreeSet::new))))
                .forEach((carrier, services) -> book.lines(LineQuery.carrier(carrier), services, line -> {
                    if (line.category() == ChargeCategory.RECURRING || line.category() == ChargeCategory.USAGE) {
                        linesOf.computeIfAbsent(key(line.carrier(), line.account(), line.serviceId()), k -> new ArrayList<>()).add(line);
                    }
                }));
        // the worst month of each service that still moves once exact repeats are left to the duplicate detector
        Map<String, Candidate> worst = new LinkedHashMap<>();
        Map<String, Integer> moved = new HashMap<>();
        Map<Candidate, List<ChargeLine>> evidenceOf = new HashMap<>();
        for (Candidate candidate : candidates) {
            ServiceHistory who = candidate.who();
            List<ChargeLine> evidence = linesOf.getOrDefault(key(who.carrier(), who.account(), who.serviceId()), List.of()).stream()
                    .filter(line -> YearMonth.from(line.chargedOn()).equals(candidate.month())).toList();
            if (!movesWithoutRepeats(candidate, evidence)) {
                continue;
            }
            String service = key(who.carrier(), who.account(), who.serviceId());
            evidenceOf.put(candidate, evidence);
            moved.merge(service, 1, Integer::sum);
            worst.merge(service, candidate, (a, b) -> b.percent().abs().compareTo(a.percent().abs()) > 0 ? b : a);
        }
        List<Finding> findings = new ArrayList<>();
        worst.forEach((service, candidate) -> findings.add(finding(candidate, evidenceOf.get(candidate), moved.get(service) - 1)));
        return findings;
    }

    /**
     * Whether a month is whole: not the service's final month before its carrier's latest, and, for a service with usage,
     * not after its latest month of usage (usage billed in arrears has not arrived for it yet).
     */
    private static boolean complete(Candidate candidate, CarrierMonths carrier) {
        YearMonth month = candidate.month();
        if (month.equals(candidate.last()) && carrier.recurring != null && month.isBefore(carrier.recurring)) {
            return false;
        }
        SortedMap<YearMonth, Money> usage = candidate.who().months(ChargeCategory.USAGE);
        return usage.isEmpty() || !month.isAfter(usage.lastKey());
    }

    /** Whether the month still moves past the thresholds once each charge repeated exactly (code, amount, period) counts once. */
    private boolean movesWithoutRepeats(Candidate candidate, List<ChargeLine> evidence) {
        Set<String> seen = new HashSet<>();
        BigDecimal repeated = BigDecimal.ZERO;
        for (ChargeLine line : evidence) {
            if (line.category() == ChargeCategory.RECURRING
                    && !seen.add(line.chargeCode() + '\u0000' + line.amount().amount().stripTrailingZeros() + '\u0000' + line.chargePeriod())) {
                repeated = repeated.add(line.amount().amount());
            }
        }
        if (repeated.signum() == 0) {
            return true;
        }
        BigDecimal change = candidate.change().amount().subtract(repeated);
        return moves(change, candidate.median());
    }

    private boolean moves(BigDecimal change, BigDecimal median) {
        if (median.signum() == 0 || change.abs().compareTo(BigDecimal.valueOf(config.minimumChange())) < 0) {
            return false;
        }
        BigDecimal percent = change.multiply(BigDecimal.valueOf(100)).divide(median, MathContext.DECIMAL64);
        return percent.abs().compareTo(BigDecimal.valueOf(config.thresholdPercent())) >= 0;
    }

    private static String key(String carrier, String account, String serviceId) {
        return carrier + '\u0000' + account + '\u0000' + serviceId;
    }

    /** A month of a service that moved: what a finding needs. */
    private record Candidate(ServiceHistory who, YearMonth month, YearMonth last, Money latest, BigDecimal median, int monthsBefore,
            Money change, BigDecimal percent) {
    }

    private void judge(ServiceHistory who, SortedMap<YearMonth, Money> history, List<Candidate> candidates) {
        List<YearMonth> months = new ArrayList<>(history.keySet());
        for (int i = config.minimumHistoryMonths(); i < months.size(); i++) {
            YearMonth month = months.get(i);
            Money cost = history.get(month);
            List<BigDecimal> before = months.subList(0, i).stream().map(m -> history.get(m).amount()).sorted().toList();
            BigDecimal median = median(before);
            Money change = cost.minus(new Money(median, cost.currency()));
            if (moves(change.amount(), median)) {
                BigDecimal percent = change.amount().multiply(BigDecimal.valueOf(100)).divide(median, MathContext.DECIMAL64);
                candidates.add(new Candidate(who, month, history.lastKey(), cost, median, before.size(), change, percent));
            }
        }
    }

    private Finding finding(Candidate candidate, List<ChargeLine> evidence, int otherMonths) {
        ServiceHistory who = candidate.who();
        Money change = candidate.change();
        Money annual = Impacts.annual(change);
        return new Finding(id(), "cost-variance", Impacts.severity(annual, config.mediumFrom(), config.highFrom(), config.criticalFrom()),
                who.carrier(), who.serviceId(), evidence, change, annual,
                who.serviceId() + " at " + who.carrier() + " cost " + candidate.latest().rounded() + " in " + candidate.month()
                        + " against a median of " + new Money(candidate.median(), change.currency()).rounded() + " over the "
                        + candidate.monthsBefore() + " months before: " + (change.isNegative() ? "" : "+")
                        + candidate.percent().setScale(1, RoundingMode.HALF_EVEN) + "%"
                        + (otherMonths == 0 ? ". " : ", and " + otherMonths + " other month" + (otherMonths == 1 ? "" : "s") + " moved too. ")
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
