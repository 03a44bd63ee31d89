package org.bridgeline.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bridgeline.api.benchmark.BenchmarkCoverage;
import org.bridgeline.api.benchmark.BenchmarkProvider;
import org.bridgeline.api.benchmark.BenchmarkQuery;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.model.BandwidthBand;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.api.model.Severity;
import org.bridgeline.api.model.SourcePosition;
import org.bridgeline.enterprise.SeededEnterprise;
import org.junit.jupiter.api.Test;

/** The detector and provider kits pass what does it right and name what does not. */
class DetectorAndProviderConformanceTest {

    private static final InMemoryBook BOOK = InMemoryBook.of(SeededEnterprise.generate(7, 4));

    /** Reports the first line of the book, in a way chosen by the test. */
    private record FirstLine(String id, String findingId, boolean cites, boolean counts, AtomicInteger runs) implements AnomalyDetector {
        @Override
        public String description() {
            return "the first line";
        }

        @Override
        public List<Finding> detect(BookOfBusiness book) {
            List<ChargeLine> lines = new java.util.ArrayList<>();
            book.lines(org.bridgeline.api.detect.LineQuery.ALL, lines::add);
            if (lines.isEmpty()) {
                return List.of();
            }
            ChargeLine first = lines.get(0);
            ChargeLine cited = cites ? first : first.toBuilder().source(SourcePosition.of("elsewhere.csv", 1, 1)).build();
            String explanation = "billed " + first.amount() + (counts ? " on run " + runs.incrementAndGet() : "");
            return List.of(new Finding(findingId, "first", Severity.LOW, first.carrier(), first.serviceId(), List.of(cited), first.amount(),
                    first.amount(), explanation, RecommendedAction.REVIEW));
        }
    }

    @Test
    void aDetectorThatDoesItRightPassesAndBrokenOnesAreNamed() {
        assertEquals(List.of(), DetectorConformance.of(new FirstLine("first", "first", true, false, new AtomicInteger())).on(BOOK).failures());
        assertTrue(DetectorConformance.of(new FirstLine("first", "other", true, false, new AtomicInteger())).on(BOOK).failures().get(0)
                .contains("its detectorId is \"other\", not the detector's id \"first\""));
        assertTrue(DetectorConformance.of(new FirstLine("first", "first", false, false, new AtomicInteger())).on(BOOK).failures().get(0)
                .contains("cites a line that is not in the book (elsewhere.csv"));
        assertTrue(DetectorConformance.of(new FirstLine("first", "first", true, true, new AtomicInteger())).on(BOOK).failures().get(0)
                .startsWith("determinism: two runs over the same book gave different findings"));
        assertTrue(DetectorConformance.of(new FirstLine("First Line", "first", true, false, new AtomicInteger())).on(BOOK).failures().get(0)
                .startsWith("id() is \"First Line\""));
    }

    /** Answers DIA, broken as the test says. */
    private record Table(String id, boolean throwsOnOdd, String answersAs) implements BenchmarkProvider {
        @Override
        public BenchmarkCoverage coverage() {
            return new BenchmarkCoverage(java.util.Set.of(ServiceType.DIA), java.util.Set.of(), LocalDate.of(2025, 9, 30), "survey");
        }

        @Override
        public List<Benchmark> lookup(BenchmarkQuery query) {
            if (throwsOnOdd && query.serviceType() == ServiceType.OTHER) {
                throw new IllegalStateException("no such type");
            }
            if (query.serviceType() != ServiceType.DIA) {
                return List.of();
            }
            return List.of(new Benchmark(ServiceType.DIA, new BandwidthBand(BigDecimal.ZERO, null), "*", 36, Money.of("1", "USD"),
                    Money.of("2", "USD"), Money.of("3", "USD"), null, 10, answersAs, "survey", LocalDate.of(2025, 9, 30)));
        }
    }

    @Test
    void aProviderThatDoesItRightPassesAndBrokenOnesAreNamed() {
        BenchmarkQuery dia = new BenchmarkQuery(ServiceType.DIA, new BigDecimal("100"), null, 36, null);
        assertEquals(List.of(), BenchmarkProviderConformance.of(new Table("t", false, "t")).query(dia).failures());
        assertTrue(BenchmarkProviderConformance.of(new Table("t", true, "t")).query(dia).failures().get(0)
                .contains("threw java.lang.IllegalStateException: no such type: answer an empty list for what it does not cover"));
        assertTrue(BenchmarkProviderConformance.of(new Table("t", false, "someone-else")).query(dia).failures().get(0)
                .contains("a benchmark names provider \"someone-else\", not \"t\""));
    }
}
