package org.bridgeline.store;

import java.util.List;
import org.bridgeline.api.benchmark.BenchmarkCoverage;
import org.bridgeline.api.benchmark.BenchmarkQuery;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.ProcurementPolicy;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a book of business knows that is not stored: the benchmarks of the providers registered at
 * the time, and the procurement policy. The caller of {@link BookStore#book} brings it.
 */
@ConsumerType
public interface Market {

    /** The benchmarks every registered provider offers for the query, best first. */
    List<Benchmark> benchmarks(BenchmarkQuery query);

    /** What each registered benchmark provider covers. */
    List<BenchmarkCoverage> benchmarkCoverage();

    /** The procurement policy contracts are held to. */
    ProcurementPolicy policy();
}
