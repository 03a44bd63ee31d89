package org.bridgeline.api.benchmark;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.bridgeline.api.model.ServiceType;

/**
 * What a provider covers, so core can say why a service found no benchmark.
 *
 * @param serviceTypes the kinds of service it prices
 * @param regions      the regions it prices, or an empty set for every region
 * @param asOf         the as-of date of its data
 * @param source       its data source, as a reader should cite it
 */
public record BenchmarkCoverage(Set<ServiceType> serviceTypes, Set<String> regions, LocalDate asOf, String source) {

    public BenchmarkCoverage {
        serviceTypes = Set.copyOf(serviceTypes);
        regions = Set.copyOf(regions);
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(source, "source");
    }
}
