package org.bridgeline.detect.benchmark.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BenchmarkMatch;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.Evidence;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.Severity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Detector 11: a service whose recurring price in its carrier's latest month lies above its best
 * market benchmark's target percentile, by at least a share of the target and an amount a year.
 * What it overpays is what renegotiating to the benchmark saves; the finding cites the
 * benchmark's provider, source and as-of date.
 */
@Component(configurationPid = "org.bridgeline.detect.benchmark")
public final class AboveBenchmarkDetector implements AnomalyDetector {

    /** Configuration {@code org.bridgeline.detect.benchmark}. */
    public @interface Config {
        /** The percentile whose price is the target: 25 (leading edge), 50 or 75. */
        int targetPercentile() default 25;

        /** A price less than this many percent above the target is not reported. */
        double minimumPercentAbove() default 10;

        /** An annual overpay below this amount is not reported. */
        double minimumAnnualOverpay() default 600;

        /** Annual overpay from which a finding is HIGH. */
        double highFrom() default 5_000;
    }

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private final Config config;

    @Activate
    public AboveBenchmarkDetector(Config config) {
        if (config.targetPercentile() != 25 && config.targetPercentile() != 50 && config.targetPercentile() != 75) {
            throw new IllegalArgumentException("targetPercentile: expected 25, 50 or 75, found " + config.targetPercentile());
        }
        this.config = config;
    }

    @Override
    public String id() {
        return "above-benchmark";
    }

    @Override
    public String description() {
        return "recurring prices above the p" + config.targetPercentile() + " market benchmark";
    }

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        return AnomalyDetector.collect(this, book);
    }

    @Override
    public void detect(BookOfBusiness book, Consumer<Finding> sink) {
        // the services above their benchmark, matched one at a time: only those above are kept
        List<BenchmarkMatch> above = new ArrayList<>();
        book.benchmarkMatches(null, config.targetPercentile(), match -> {
            if (match.benchmark() == null || match.target().amount().signum() <= 0) {
                return;
            }
            BigDecimal over = match.monthlyPrice().amount().subtract(match.target().amount());
            BigDecimal percent = over.multiply(BigDecimal.valueOf(100)).divide(match.target().amount(), MathContext.DECIMAL64);
            if (percent.compareTo(BigDecimal.valueOf(config.minimumPercentAbove())) >= 0
                    && match.annualOverpay().amount().compareTo(BigDecimal.valueOf(config.minimumAnnualOverpay())) >= 0) {
                above.add(match);
            }
        });
        // the evidence: each service's recurring lines of its latest month
        Evidence.read(book, above, match -> new Evidence.Service(match.carrier(), match.account(), match.serviceId()),
                carrier -> book.latestMonths(carrier, 2).withCategory(ChargeCategory.RECURRING), (match, lines) -> {
                    YearMonth latest = lines.stream().map(line -> YearMonth.from(line.chargedOn())).max(YearMonth::compareTo).orElse(null);
                    sink.accept(finding(match, lines.stream().filter(line -> YearMonth.from(line.chargedOn()).equals(latest)).toList()));
                });
    }

    private Finding finding(BenchmarkMatch match, List<ChargeLine> evidence) {
        Benchmark benchmark = match.benchmark();
        Money monthly = match.monthlyPrice().minus(match.target());
        Money annual = monthly.times(TWELVE);
        String what = match.serviceType() + (match.bandwidthMbps() == null ? ""
                : " " + match.bandwidthMbps().stripTrailingZeros().toPlainString() + " Mbps");
        return new Finding(id(), "above-benchmark", annual.amount().compareTo(BigDecimal.valueOf(config.highFrom())) >= 0 ? Severity.HIGH
                : Severity.MEDIUM, match.carrier(), match.serviceId(), evidence, monthly, annual,
                match.serviceId() + " (" + what + ") costs " + match.monthlyPrice().rounded() + " a month, at percentile "
                        + match.percentile().setScale(0, RoundingMode.HALF_EVEN).toPlainString() + " of the market: the p" + config.targetPercentile() + " price is "
                        + match.target().rounded() + " (median " + benchmark.median().rounded() + ", " + benchmark.sampleSize()
                        + " prices, " + benchmark.source() + ", as of " + benchmark.asOf() + ", " + benchmark.providerId()
                        + "). Paying the target saves " + annual.rounded() + " a year: renegotiate.",
                RecommendedAction.RENEGOTIATE);
    }
}
