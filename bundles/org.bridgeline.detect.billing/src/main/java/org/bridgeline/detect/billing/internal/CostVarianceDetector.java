package org.bridgeline.detect.billing.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.Evidence;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.detect.ServiceCostMove;
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
 * only the months that moved, which the store finds with each month's median before it, and the
 * lines of those months for evidence.
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

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        return AnomalyDetector.collect(this, book);
    }

    @Override
    public void detect(BookOfBusiness book, Consumer<Finding> sink) {
        // the store pairs each month with the median of the months before it and hands over only the
        // months that moved, a service's months together: they are gathered per service
        List<List<ServiceCostMove>> candidates = new ArrayList<>();
        book.serviceCostMoves(LineQuery.ALL, config.minimumHistoryMonths(), BigDecimal.valueOf(config.minimumChange()),
                BigDecimal.valueOf(config.thresholdPercent()), move -> {
                    if (complete(move) && moves(move.change().amount(), move.median())) {
                        List<ServiceCostMove> last = candidates.isEmpty() ? null : candidates.get(candidates.size() - 1);
                        if (last != null && service(last.get(0)).equals(service(move))) {
                            last.add(move);
                        } else {
                            candidates.add(new ArrayList<>(List.of(move)));
                        }
                    }
                });
        // the evidence: the recurring and usage lines of the months that moved; the worst month of each
        // service that still moves once exact repeats are left to the duplicate detector
        Evidence.read(book, candidates, moves -> service(moves.get(0)), LineQuery::carrier, (moves, lines) -> {
            ServiceCostMove worst = null;
            List<ChargeLine> worstEvidence = null;
            int moved = 0;
            for (ServiceCostMove candidate : moves) {
                List<ChargeLine> evidence = lines.stream().filter(line -> (line.category() == ChargeCategory.RECURRING
                        || line.category() == ChargeCategory.USAGE) && YearMonth.from(line.chargedOn()).equals(candidate.month())).toList();
                if (!movesWithoutRepeats(candidate, evidence)) {
                    continue;
                }
                moved++;
                if (worst == null || candidate.percent().abs().compareTo(worst.percent().abs()) > 0) {
                    worst = candidate;
                    worstEvidence = evidence;
                }
            }
            if (worst != null) {
                sink.accept(finding(worst, worstEvidence, moved - 1));
            }
        });
    }

    private static Evidence.Service service(ServiceCostMove move) {
        return new Evidence.Service(move.carrier(), move.account(), move.serviceId());
    }

    /**
     * Whether a month is whole: not the service's final month before its carrier's latest, and, for a service with usage,
     * not after its latest month of usage (usage billed in arrears has not arrived for it yet).
     */
    private static boolean complete(ServiceCostMove move) {
        YearMonth month = move.month();
        if (month.equals(move.lastMonth()) && move.carrierLastRecurringMonth() != null && month.isBefore(move.carrierLastRecurringMonth())) {
            return false;
        }
        return move.lastUsageMonth() == null || !month.isAfter(move.lastUsageMonth());
    }

    /** Whether the month still moves past the thresholds once each charge repeated exactly (code, amount, period) counts once. */
    private boolean movesWithoutRepeats(ServiceCostMove candidate, List<ChargeLine> evidence) {
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

    private Finding finding(ServiceCostMove who, List<ChargeLine> evidence, int otherMonths) {
        Money change = who.change();
        Money annual = Impacts.annual(change);
        return new Finding(id(), "cost-variance", Impacts.severity(annual, config.mediumFrom(), config.highFrom(), config.criticalFrom()),
                who.carrier(), who.serviceId(), evidence, change, annual,
                who.serviceId() + " at " + who.carrier() + " cost " + who.cost().rounded() + " in " + who.month()
                        + " against a median of " + new Money(who.median(), change.currency()).rounded() + " over the "
                        + who.monthsBefore() + " months before: " + (change.isNegative() ? "" : "+")
                        + who.percent().setScale(1, RoundingMode.HALF_EVEN) + "%"
                        + (otherMonths == 0 ? ". " : ", and " + otherMonths + " other month" + (otherMonths == 1 ? "" : "s") + " moved too. ")
                        + (change.isNegative() ? "Check the service still works as ordered."
                        : "Find what changed (rate, new features, usage) before paying it."),
                change.isNegative() ? RecommendedAction.REVIEW : RecommendedAction.RENEGOTIATE);
    }
}
