package org.bridgeline.api.detect;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.bridgeline.api.benchmark.BenchmarkQuery;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.ServiceType;

/**
 * One service set against its best market benchmark: where its price sits in the distribution,
 * the price to aim for, and what it costs a year to pay more. A service no benchmark covers has
 * no benchmark and says why.
 *
 * @param carrier        the carrier
 * @param account        the billing account
 * @param serviceId      the service
 * @param serviceType    its kind
 * @param bandwidthMbps  its bandwidth, or {@code null}
 * @param site           its site, or {@code null}
 * @param termMonths     the term it was priced for: its contract's, or 0 (month to month) out of term
 * @param monthlyPrice   its recurring charges in its carrier's latest month
 * @param benchmark      the best benchmark, or {@code null}
 * @param percentile     the price's position in the benchmark's distribution (0 to 100), or {@code null}
 * @param target         the price at the target percentile, or {@code null}
 * @param annualOverpay  (price − target) × 12 where positive, else zero; {@code null} without a benchmark
 * @param unmatched      why no benchmark applies, or {@code null}
 */
public record BenchmarkMatch(String carrier, String account, String serviceId, ServiceType serviceType, BigDecimal bandwidthMbps,
        String site, int termMonths, Money monthlyPrice, Benchmark benchmark, BigDecimal percentile, Money target, Money annualOverpay,
        String unmatched) {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    public BenchmarkMatch {
        Objects.requireNonNull(monthlyPrice, "monthlyPrice");
        if ((benchmark == null) == (unmatched == null)) {
            throw new IllegalArgumentException("a match has a benchmark or a reason for having none, not both");
        }
    }

    /**
     * The best of the candidates for a service priced at {@code monthlyPrice}: in its currency and
     * for monthly prices, then the exact region before {@code *}, the narrower bandwidth band, the
     * term nearest the query's, the larger sample, the later as-of date, the provider id.
     *
     * @param targetPercentile 25, 50 or 75: the percentile whose price is the target
     * @param whyNone          what to say when no candidate applies
     */
    public static BenchmarkMatch match(ServiceHistory service, Money monthlyPrice, BenchmarkQuery query, List<Benchmark> candidates,
            int targetPercentile, String whyNone) {
        // a service whose bandwidth nobody knows is priced only by a benchmark that covers every bandwidth, never a band's
        List<Benchmark> applicable = query.bandwidthMbps() != null ? candidates
                : candidates.stream().filter(b -> b.band().fromMbps().signum() == 0 && b.band().toMbps() == null).toList();
        if (applicable.isEmpty() && !candidates.isEmpty()) {
            return new BenchmarkMatch(service.carrier(), service.account(), service.serviceId(), service.serviceType(), null, service.site(),
                    query.termMonths(), monthlyPrice, null, null, null, null, "no benchmark: bandwidth unknown (benchmarks for "
                    + service.serviceType() + " are by bandwidth band; the bill and the inventory do not state it)");
        }
        Benchmark best = applicable.stream()
                .filter(b -> b.unit() == null && b.p25().currency().equals(monthlyPrice.currency()))
                .min(Comparator.comparing((Benchmark b) -> query.region() != null && query.region().equalsIgnoreCase(b.region()) ? 0 : 1)
                        .thenComparing(b -> b.band().toMbps() == null ? BigDecimal.valueOf(Long.MAX_VALUE)
                                : b.band().toMbps().subtract(b.band().fromMbps()))
                        .thenComparing(b -> Math.abs(b.termMonths() - query.termMonths()))
                        .thenComparing(Benchmark::sampleSize, Comparator.reverseOrder())
                        .thenComparing(Benchmark::asOf, Comparator.reverseOrder())
                        .thenComparing(Benchmark::providerId))
                .orElse(null);
        if (best == null) {
            return new BenchmarkMatch(service.carrier(), service.account(), service.serviceId(), service.serviceType(), query.bandwidthMbps(), service.site(),
                    query.termMonths(), monthlyPrice, null, null, null, null, candidates.isEmpty() ? whyNone
                    : "no benchmark in " + monthlyPrice.currency().getCurrencyCode() + " for a monthly price");
        }
        Money target = switch (targetPercentile) {
            case 50 -> best.median();
            case 75 -> best.p75();
            default -> best.p25();
        };
        BigDecimal over = monthlyPrice.amount().subtract(target.amount()).max(BigDecimal.ZERO);
        return new BenchmarkMatch(service.carrier(), service.account(), service.serviceId(), service.serviceType(), query.bandwidthMbps(), service.site(),
                query.termMonths(), monthlyPrice, best, percentile(monthlyPrice.amount(), best), target,
                new Money(over.multiply(TWELVE), monthlyPrice.currency()), null);
    }

    /**
     * A price's position in a distribution known by its quartiles, to one decimal: linear between
     * p25, median and p75; below p25 in proportion to it; above p75 by the upper quartile step,
     * at most 99.
     */
    static BigDecimal percentile(BigDecimal price, Benchmark b) {
        BigDecimal p25 = b.p25().amount();
        BigDecimal median = b.median().amount();
        BigDecimal p75 = b.p75().amount();
        BigDecimal position;
        if (price.compareTo(p25) <= 0) {
            position = p25.signum() == 0 ? BigDecimal.ZERO : price.multiply(BigDecimal.valueOf(25)).divide(p25, MathContext.DECIMAL64);
        } else if (price.compareTo(median) <= 0) {
            position = between(price, p25, median, 25);
        } else if (price.compareTo(p75) <= 0) {
            position = between(price, median, p75, 50);
        } else {
            BigDecimal step = p75.subtract(median);
            position = step.signum() == 0 ? BigDecimal.valueOf(99)
                    : BigDecimal.valueOf(75).add(price.subtract(p75).multiply(BigDecimal.valueOf(25)).divide(step, MathContext.DECIMAL64));
        }
        return position.max(BigDecimal.ZERO).min(BigDecimal.valueOf(99)).setScale(1, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal between(BigDecimal price, BigDecimal low, BigDecimal high, int from) {
        BigDecimal width = high.subtract(low);
        return width.signum() == 0 ? BigDecimal.valueOf(from + 25L)
                : BigDecimal.valueOf(from).add(price.subtract(low).multiply(BigDecimal.valueOf(25)).divide(width, MathContext.DECIMAL64));
    }
}
