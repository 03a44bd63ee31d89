package org.bridgeline.api.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.bridgeline.api.benchmark.BenchmarkQuery;
import org.bridgeline.api.model.BandwidthBand;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.ServiceType;
import org.junit.jupiter.api.Test;

class BenchmarkMatchTest {

    private static final ServiceHistory DIA = new ServiceHistory("Acme", "A1", "DIA-1", ServiceType.DIA, new BigDecimal("100"), "NYC",
            Currency.getInstance("USD"), Map.of());
    private static final BenchmarkQuery QUERY = new BenchmarkQuery(ServiceType.DIA, new BigDecimal("100"), "NY", 36, null);

    private static Benchmark benchmark(String region, String from, String to, int term, String p25, String median, String p75, int sample) {
        return new Benchmark(ServiceType.DIA, new BandwidthBand(new BigDecimal(from), to == null ? null : new BigDecimal(to)), region, term,
                Money.of(p25, "USD"), Money.of(median, "USD"), Money.of(p75, "USD"), null, sample, "table", "survey", LocalDate.of(2025, 6, 30));
    }

    @Test
    void theExactRegionTheNarrowerBandAndTheNearerTermWin() {
        Benchmark anyRegion = benchmark("*", "50", "200", 36, "400", "500", "600", 90);
        Benchmark wideBand = benchmark("NY", "0", null, 36, "300", "400", "500", 90);
        Benchmark narrow = benchmark("NY", "100", "101", 24, "450", "550", "650", 10);
        Benchmark narrowTerm = benchmark("NY", "100", "101", 36, "500", "600", "700", 10);
        BenchmarkMatch match = BenchmarkMatch.match(DIA, Money.of("650", "USD"), QUERY, List.of(anyRegion, wideBand, narrow, narrowTerm), 25,
                "none");
        assertEquals(narrowTerm, match.benchmark());
        assertEquals(Money.of("500", "USD"), match.target());
        assertEquals(Money.of("1800", "USD"), match.annualOverpay(), "(650 - 500) x 12");
        assertEquals(new BigDecimal("62.5"), match.percentile(), "halfway from the median 600 to p75 700");
        assertNull(match.unmatched());
    }

    @Test
    void aPriceAtOrBelowTheTargetOverpaysNothing() {
        Benchmark b = benchmark("*", "0", null, 36, "500", "600", "700", 10);
        BenchmarkMatch atTarget = BenchmarkMatch.match(DIA, Money.of("500", "USD"), QUERY, List.of(b), 25, "none");
        assertEquals(Money.of("0", "USD"), atTarget.annualOverpay());
        assertEquals(new BigDecimal("25.0"), atTarget.percentile());
        assertEquals(new BigDecimal("12.5"), BenchmarkMatch.match(DIA, Money.of("250", "USD"), QUERY, List.of(b), 25, "none").percentile());
        assertEquals(new BigDecimal("99.0"), BenchmarkMatch.match(DIA, Money.of("5000", "USD"), QUERY, List.of(b), 25, "none").percentile());
        assertEquals(Money.of("1200", "USD"), BenchmarkMatch.match(DIA, Money.of("700", "USD"), QUERY, List.of(b), 50, "none").annualOverpay(),
                "against the median when the target is 50");
    }

    @Test
    void noCandidateSaysWhy() {
        BenchmarkMatch none = BenchmarkMatch.match(DIA, Money.of("650", "USD"), QUERY, List.of(), 25, "no benchmark provider covers DIA");
        assertNull(none.benchmark());
        assertEquals("no benchmark provider covers DIA", none.unmatched());
        Benchmark euros = new Benchmark(ServiceType.DIA, BandwidthBand.ANY, "*", 36, Money.of("1", "EUR"), Money.of("2", "EUR"),
                Money.of("3", "EUR"), null, 5, "table", "survey", LocalDate.of(2025, 1, 1));
        assertEquals("no benchmark in USD for a monthly price",
                BenchmarkMatch.match(DIA, Money.of("650", "USD"), QUERY, List.of(euros), 25, "x").unmatched());
    }
}
