package org.bridgeline.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bridgeline.api.benchmark.BenchmarkCoverage;
import org.bridgeline.api.benchmark.BenchmarkProvider;
import org.bridgeline.api.benchmark.BenchmarkQuery;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.ProcurementPolicy;
import org.bridgeline.store.Market;

/**
 * The market a book is read against: the benchmark providers registered when it was asked for, and
 * the procurement policy. A failing provider answers nothing; the others still do.
 */
final class ProviderMarket implements Market {

    private final List<BenchmarkProvider> providers;
    private final ProcurementPolicy policy;

    ProviderMarket(List<BenchmarkProvider> providers, ProcurementPolicy policy) {
        this.providers = providers;
        this.policy = policy;
    }

    @Override
    public ProcurementPolicy policy() {
        return policy;
    }

    @Override
    public List<Benchmark> benchmarks(BenchmarkQuery query) {
        List<Benchmark> benchmarks = new ArrayList<>();
        for (BenchmarkProvider provider : providers) {
            try {
                benchmarks.addAll(provider.lookup(query));
            } catch (RuntimeException e) {
                // a failing provider answers nothing
            }
        }
        benchmarks.sort(Comparator.comparing(Benchmark::providerId));
        return benchmarks;
    }

    @Override
    public List<BenchmarkCoverage> benchmarkCoverage() {
        List<BenchmarkCoverage> coverage = new ArrayList<>();
        for (BenchmarkProvider provider : providers) {
            try {
                coverage.add(provider.coverage());
            } catch (RuntimeException e) {
                // a failing provider covers nothing
            }
        }
        return coverage;
    }
}
