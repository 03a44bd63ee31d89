package org.bridgeline.api.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A market price distribution for a kind of service, and where it comes from.
 *
 * <p>Prices are monthly for recurring services and per unit for usage (see {@code unit}).
 * Every benchmark names its provider, source and as-of date; Bridgeline carries them into every
 * figure that uses the benchmark.
 *
 * @param serviceType the kind of service
 * @param band        the bandwidth band
 * @param region      the region it applies to (a state, country or market name), or {@code "*"}
 * @param termMonths  the contract term the prices assume; 0 for month-to-month
 * @param p25         25th percentile price: the leading-edge target
 * @param median      median price
 * @param p75         75th percentile price
 * @param unit        {@code null} for a monthly price, else the usage unit ({@code MIN}, {@code GB})
 * @param sampleSize  number of prices behind the distribution
 * @param providerId  id of the benchmark provider that answered
 * @param source      the data source, as a reader should cite it
 * @param asOf        the date the prices were observed
 */
public record Benchmark(
        ServiceType serviceType,
        BandwidthBand band,
        String region,
        int termMonths,
        Money p25,
        Money median,
        Money p75,
        String unit,
        int sampleSize,
        String providerId,
        String source,
        LocalDate asOf) {

    public Benchmark {
        Objects.requireNonNull(serviceType, "serviceType");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(p25, "p25");
        Objects.requireNonNull(median, "median");
        Objects.requireNonNull(p75, "p75");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asOf, "asOf");
        if (p25.compareTo(median) > 0 || median.compareTo(p75) > 0) {
            throw new IllegalArgumentException("percentiles out of order: p25 " + p25 + ", median " + median + ", p75 " + p75);
        }
    }
}
