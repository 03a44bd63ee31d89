package org.bridgeline.api.detect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.Money;

/**
 * A service's calls to one number set against the per-minute benchmark for that destination
 * (a rate deck, by longest prefix): what was paid a minute, what the benchmark asks, and what
 * paying more costs a year.
 *
 * @param usage           the calls
 * @param minutes         how many minutes they lasted, or {@code null} when the bill gives no duration in minutes or seconds
 * @param billedPerMinute what they cost a minute, or {@code null}
 * @param benchmark       the per-minute benchmark, or {@code null}
 * @param annualOverpay   (billed − benchmark) × minutes over the months billed, a year of it; zero when not above; {@code null} without a benchmark
 * @param unmatched       why no benchmark applies, or {@code null}
 */
public record UsageMatch(UsageByDestination usage, BigDecimal minutes, Money billedPerMinute, Benchmark benchmark, Money annualOverpay,
        String unmatched) {

    /** Minutes from a usage quantity in MIN or SEC; {@code null} for any other unit. */
    static BigDecimal minutes(BigDecimal quantity, String unit) {
        if (quantity == null || unit == null) {
            return null;
        }
        return switch (unit.toUpperCase()) {
            case "MIN", "MINUTE", "MINUTES" -> quantity;
            case "SEC", "SECOND", "SECONDS", "S" -> quantity.divide(BigDecimal.valueOf(60), 6, RoundingMode.HALF_EVEN);
            default -> null;
        };
    }

    /** The best per-minute candidate in the usage's currency (the larger sample, the later as-of, the provider id). */
    public static UsageMatch match(UsageByDestination usage, List<Benchmark> candidates, String whyNone) {
        BigDecimal minutes = minutes(usage.usageQuantity(), usage.usageUnit());
        if (minutes == null || minutes.signum() <= 0) {
            return new UsageMatch(usage, null, null, null, null, "no duration in minutes or seconds on the calls");
        }
        Money perMinute = new Money(usage.total().amount().divide(minutes, 6, RoundingMode.HALF_EVEN), usage.total().currency());
        Benchmark best = candidates.stream().filter(b -> "MIN".equalsIgnoreCase(b.unit()) && b.median().currency().equals(perMinute.currency()))
                .min(Comparator.comparing(Benchmark::sampleSize, Comparator.reverseOrder()).thenComparing(Benchmark::asOf, Comparator.reverseOrder())
                        .thenComparing(Benchmark::providerId)).orElse(null);
        if (best == null) {
            return new UsageMatch(usage, minutes, perMinute, null, null, candidates.isEmpty() ? whyNone
                    : "no per-minute benchmark in " + perMinute.currency().getCurrencyCode());
        }
        long months = ChronoUnit.MONTHS.between(YearMonth.from(usage.firstCharged()), YearMonth.from(usage.lastCharged())) + 1;
        BigDecimal over = usage.total().amount().subtract(best.median().amount().multiply(minutes)).max(BigDecimal.ZERO);
        Money annual = new Money(over.multiply(BigDecimal.valueOf(12)).divide(BigDecimal.valueOf(months), 2, RoundingMode.HALF_EVEN),
                perMinute.currency());
        return new UsageMatch(usage, minutes, perMinute, best, annual, null);
    }
}
