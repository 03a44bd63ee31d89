package org.bridgeline.testkit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.bridgeline.api.benchmark.BenchmarkCoverage;
import org.bridgeline.api.benchmark.BenchmarkProvider;
import org.bridgeline.api.benchmark.BenchmarkQuery;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.ServiceType;

/**
 * The conformance kit for a benchmark provider, at the level of its contract: it says who it is
 * and what it covers, answers the partner's queries (at least one with benchmarks) with figures
 * that name it, its source and as-of date and fit the query, answers odd queries with nothing
 * rather than an exception, and answers the same from several threads.
 */
public final class BenchmarkProviderConformance {

    private final BenchmarkProvider provider;
    private final List<BenchmarkQuery> queries = new ArrayList<>();

    private BenchmarkProviderConformance(BenchmarkProvider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    public static BenchmarkProviderConformance of(BenchmarkProvider provider) {
        return new BenchmarkProviderConformance(provider);
    }

    /** A query the provider must answer; give at least one it has benchmarks for. */
    public BenchmarkProviderConformance query(BenchmarkQuery query) {
        queries.add(query);
        return this;
    }

    public void check() {
        List<String> failures = failures();
        if (!failures.isEmpty()) {
            throw new AssertionError(provider.getClass().getName() + " does not conform:\n  - " + String.join("\n  - ", failures));
        }
    }

    public List<String> failures() {
        List<String> failures = new ArrayList<>();
        String id = provider.id();
        if (id == null || !id.matches("[a-z0-9][a-z0-9.-]*")) {
            failures.add("id() is \"" + id + "\": a stable id of lower-case letters, digits, dots and dashes");
            return failures;
        }
        BenchmarkCoverage coverage = provider.coverage();
        if (coverage == null) {
            failures.add("coverage() returned null: say which service types and regions it covers, its source and as-of date");
            return failures;
        }
        boolean answered = false;
        for (BenchmarkQuery query : queries) {
            List<Benchmark> benchmarks = lookup(query, failures);
            if (benchmarks == null) {
                continue;
            }
            answered |= !benchmarks.isEmpty();
            for (Benchmark b : benchmarks) {
                String what = "the answer to " + query;
                if (!id.equals(b.providerId())) {
                    failures.add(what + ": a benchmark names provider \"" + b.providerId() + "\", not \"" + id + "\"");
                }
                if (b.serviceType() != query.serviceType()) {
                    failures.add(what + ": a benchmark for " + b.serviceType() + ": answer the service type asked");
                }
                if (query.bandwidthMbps() != null && !b.band().contains(query.bandwidthMbps())) {
                    failures.add(what + ": a benchmark for " + b.band() + ", which does not hold " + query.bandwidthMbps() + " Mbps");
                }
                if (b.source().isBlank()) {
                    failures.add(what + ": a benchmark without a source: cite where the prices come from");
                }
                if (!coverage.serviceTypes().contains(b.serviceType())) {
                    failures.add(what + ": answers " + b.serviceType() + ", which coverage() does not list: core explains failures from it");
                }
            }
            try {
                List<Benchmark> a = CompletableFuture.supplyAsync(() -> provider.lookup(query)).get();
                if (!a.equals(benchmarks)) {
                    failures.add("concurrency: " + query + " answered differently from another thread");
                }
            } catch (Exception e) {
                failures.add("concurrency: " + query + " failed from another thread: " + (e.getCause() == null ? e : e.getCause()));
            }
        }
        if (!answered) {
            failures.add("no query was answered: give at least one query the provider has benchmarks for");
        }
        for (BenchmarkQuery odd : List.of(new BenchmarkQuery(ServiceType.OTHER, null, null, 0, null),
                new BenchmarkQuery(ServiceType.DIA, new BigDecimal("0.001"), "Nowhere", 999, null),
                new BenchmarkQuery(ServiceType.LONG_DISTANCE, null, null, 0, "not a number"))) {
            lookup(odd, failures);
        }
        return failures;
    }

    private List<Benchmark> lookup(BenchmarkQuery query, List<String> failures) {
        try {
            List<Benchmark> answer = provider.lookup(query);
            if (answer == null) {
                failures.add("lookup(" + query + ") returned null: return an empty list when there is no benchmark");
            }
            return answer;
        } catch (RuntimeException e) {
            failures.add("lookup(" + query + ") threw " + e + ": answer an empty list for what it does not cover");
            return null;
        }
    }
}
