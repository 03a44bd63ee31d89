package org.bridgeline.detect.benchmark.internal;

import static org.bridgeline.html.Html.escape;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridgeline.api.benchmark.BenchmarkCoverage;
import org.bridgeline.api.detect.BenchmarkMatch;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.dashboard.DashboardView;
import org.bridgeline.dashboard.ViewRequest;
import org.bridgeline.html.Charts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The dashboard's market position view, contributed by this bundle: each service's recurring price in
 * its carrier's latest month against its best benchmark (the percentile it sits at, the target, the
 * overpay a year), or why it has none; the largest overpays charted, now against target. The target
 * percentile is the detector's ({@code org.bridgeline.detect.benchmark}). Matches are kept per tenant
 * while its book's revision and the benchmark providers stay the same (ten minutes at most).
 */
@Component(service = DashboardView.class, configurationPid = "org.bridgeline.detect.benchmark")
public final class MarketPositionView implements DashboardView {

    private static final int CHART_ROWS = 15;
    /** Rows of the table: the largest overpays first, then the rest; a large book is not sent whole to a browser. */
    private static final int TABLE_ROWS = 500;

    /** Tenants whose matches are kept, the least recently shown dropped first. */
    private static final int TENANTS_KEPT = 16;
    /** However unchanged the book, matches are derived again after this long: a provider's prices may have moved. */
    private static final Duration KEPT_AT_MOST = Duration.ofMinutes(10);

    private final int targetPercentile;
    private final Clock clock;
    /** Per tenant, the matches of its book at one revision and set of benchmark providers: setting a large book against the market takes a second. */
    private final Map<String, Kept> kept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            return size() > TENANTS_KEPT;
        }
    });

    private record Kept(String revision, List<BenchmarkCoverage> coverage, Instant derived, List<BenchmarkMatch> matches) {
    }

    @Activate
    public MarketPositionView(AboveBenchmarkDetector.Config config) {
        this(config.targetPercentile(), Clock.systemUTC());
    }

    MarketPositionView(int targetPercentile, Clock clock) {
        this.targetPercentile = targetPercentile;
        this.clock = clock;
    }

    /** The tenant's matches: those kept when its book and the providers are as they were, else derived now. */
    List<BenchmarkMatch> matches(ViewRequest request) throws Exception {
        String revision = request.bookRevision();
        BookOfBusiness book = request.book();
        List<BenchmarkCoverage> coverage = book.benchmarkCoverage();
        Instant now = clock.instant();
        Kept known = kept.get(request.tenant());
        if (known != null && known.revision().equals(revision) && known.coverage().equals(coverage)
                && known.derived().plus(KEPT_AT_MOST).isAfter(now)) {
            return known.matches();
        }
        List<BenchmarkMatch> matches = List.copyOf(book.benchmarkMatches(null, targetPercentile));
        kept.put(request.tenant(), new Kept(revision, coverage, now, matches));
        return matches;
    }

    @Override
    public String id() {
        return "market-position";
    }

    @Override
    public String title() {
        return "Market position";
    }

    @Override
    public int order() {
        return 450;
    }

    @Override
    public String render(ViewRequest request) throws Exception {
        List<BenchmarkMatch> matches = matches(request);
        StringBuilder h = new StringBuilder();
        if (matches.isEmpty()) {
            return "<p>No recurring services billed yet.</p>";
        }
        List<BenchmarkMatch> matched = matches.stream().filter(match -> match.benchmark() != null).toList();
        List<BenchmarkMatch> above = matched.stream().filter(match -> match.annualOverpay() != null && match.annualOverpay().amount().signum() > 0)
                .sorted(Comparator.comparing((BenchmarkMatch match) -> match.annualOverpay().amount()).reversed()).toList();
        h.append("<p>").append(matches.size()).append(" services, ").append(matched.size()).append(" with a benchmark, ").append(above.size())
                .append(" above the p").append(targetPercentile).append(" target.</p>\n");
        if (!above.isEmpty()) {
            h.append("<h2>Largest overpays: now a month against the target</h2>\n<figure>")
                    .append(Charts.bars(above.stream().limit(CHART_ROWS).map(match -> new Charts.Bar(match.serviceId(), match.monthlyPrice().amount(),
                            match.target().amount())).toList(), "market-chart")).append("</figure>\n");
        }
        h.append("<table class=\"wide\" id=\"market\"><thead><tr><th scope=\"col\">carrier</th><th scope=\"col\">service</th>"
                + "<th scope=\"col\">type</th><th scope=\"col\" class=\"num\">now a month</th><th scope=\"col\" class=\"num\">percentile</th>"
                + "<th scope=\"col\" class=\"num\">target</th><th scope=\"col\" class=\"num\">overpay a year</th><th scope=\"col\">benchmark</th>"
                + "</tr></thead><tbody>");
        for (BenchmarkMatch match : matches.stream().sorted(Comparator.comparing((BenchmarkMatch match) -> match.annualOverpay() == null
                ? BigDecimal.ZERO : match.annualOverpay().amount()).reversed()).limit(TABLE_ROWS).toList()) {
            h.append("<tr><td>").append(escape(match.carrier())).append("</td><td>").append(escape(match.serviceId())).append("</td><td>")
                    .append(escape(match.serviceType())).append("</td><td class=\"num\">").append(escape(match.monthlyPrice())).append("</td>");
            if (match.benchmark() == null) {
                h.append("<td colspan=\"3\"></td><td>").append(escape(match.unmatched())).append("</td></tr>");
            } else {
                h.append("<td class=\"num\">").append(match.percentile() == null ? "" : "p" + match.percentile().setScale(0, java.math.RoundingMode.HALF_EVEN))
                        .append("</td><td class=\"num\">").append(escape(match.target())).append("</td><td class=\"num\">")
                        .append(escape(match.annualOverpay())).append("</td><td>").append(escape(match.benchmark().providerId() + ", "
                                + match.benchmark().source() + ", " + match.benchmark().asOf())).append("</td></tr>");
            }
        }
        h.append("</tbody></table>");
        if (matches.size() > TABLE_ROWS) {
            h.append("\n<p>The ").append(TABLE_ROWS).append(" largest overpays of ").append(matches.size())
                    .append(" services are shown; the negotiation packages list every service.</p>");
        }
        return h.toString();
    }
}
