package org.bridgeline.api.benchmark;

import java.util.List;
import org.bridgeline.api.model.Benchmark;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Answers market-price look-ups for services.
 *
 * <p><b>What a provider must do.</b> Register as a service of this interface. {@link #lookup}
 * returns the benchmarks that apply to the query, best match first, each naming this provider's
 * id, its source and as-of date; an empty list when it has none. It is safe to call from several
 * threads and answers from memory or its own files, never blocking on the network.
 *
 * <p><b>What it may rely on.</b> Core picks among the answers of every provider and records which
 * benchmark it used.
 */
@ConsumerType
public interface BenchmarkProvider {

    /** Stable id, unique among providers. */
    String id();

    /** What this provider covers. */
    BenchmarkCoverage coverage();

    /** The benchmarks that apply to the query, best first. */
    List<Benchmark> lookup(BenchmarkQuery query);
}
