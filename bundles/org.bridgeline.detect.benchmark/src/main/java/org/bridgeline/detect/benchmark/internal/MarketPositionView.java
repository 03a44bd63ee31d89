package org.bridgeline.detect.benchmark.internal;

import static org.bridgeline.html.Html.escape;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.bridgeline.api.detect.BenchmarkMatch;
import org.bridgeline.dashboard.DashboardView;
import org.bridgeline.dashboard.ViewRequest;
import org.bridgeline.html.Charts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The dashboard's market position view, contributed by this bundle: each service's recurring price in
 * its carrier's latest month against its best benchmark (the percentile it sits at, the target, the
 * overpay a year), or why it has none; the largest overpays charted, now against target. The target
 * percentile is the detector's ({@code org.bridgeline.detect.benchmark}).
 */
@Component(service = DashboardView.class, configurationPid = "org.bridgeline.detect.benchmark")
public final class MarketPositionView implements DashboardView {

    private static final int CHART_ROWS = 15;
    /** Rows of the table: the largest overpays first, then the rest; a large book is not sent whole to a browser. */
    private static final int TABLE_ROWS = 500;

    private final int targetPercentile;

    @Activate
    public MarketPositionView(AboveBenchmarkDetector.Config config) {
        this.targetPercentile = config.targetPercentile();
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
    public String render(ViewRequest request) {
        List<BenchmarkMatch> matches = request.book().benchmarkMatches(null, targetPercentile);
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
