package org.bridgeline.dashboard.internal;

import static org.bridgeline.html.Html.escape;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.Money;
import org.bridgeline.dashboard.DashboardView;
import org.bridgeline.dashboard.ViewRequest;
import org.bridgeline.html.Charts;
import org.bridgeline.intake.IntakeItem;
import org.bridgeline.intake.IntakeService;
import org.bridgeline.store.AuditRunRecord;
import org.bridgeline.store.AuditStore;
import org.bridgeline.store.BookStore;
import org.bridgeline.store.FindingTotal;
import org.bridgeline.store.MonthlySpend;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The tenant at a glance: the latest audit's findings (how many, worth what a month and a year,
 * credits owed, savings at the benchmark target) by kind, spend per month by carrier over the latest
 * twelve months, and the latest bills through the inbox; every figure links to its detail. Every
 * total is summed in the store, so the page costs the same for a book of any size.
 */
@Component(service = DashboardView.class)
public final class OverviewView implements DashboardView {

    /** The kind the benchmark detector reports: what its findings overpay is what paying the target saves. */
    private static final String ABOVE_BENCHMARK = "above-benchmark";
    private static final int MONTHS = 12;

    private final AuditStore audits;
    private final BookStore books;
    private final IntakeService intake;

    @Activate
    public OverviewView(@Reference AuditStore audits, @Reference BookStore books, @Reference IntakeService intake) {
        this.audits = audits;
        this.books = books;
        this.intake = intake;
    }

    @Override
    public String id() {
        return "overview";
    }

    @Override
    public String title() {
        return "Overview";
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String render(ViewRequest request) throws Exception {
        StringBuilder h = new StringBuilder();
        Optional<AuditRunRecord> run = audits.latestAuditRun(request.tenant());
        List<FindingTotal> totals = run.isPresent() ? audits.findingTotals(request.tenant(), run.get().runId()) : List.of();
        Totals all = new Totals();
        Map<String, Totals> byKind = new TreeMap<>();
        for (FindingTotal total : totals) {
            all.add(total);
            byKind.computeIfAbsent(total.kind(), kind -> new Totals()).add(total);
        }
        Totals atBenchmark = byKind.getOrDefault(ABOVE_BENCHMARK, new Totals());
        h.append("<ul class=\"figures\" aria-label=\"The latest audit\">")
                .append(figure("findings", String.valueOf(all.count), "/ui/findings"))
                .append(figure("monthly impact", all.monthly(), "/ui/findings"))
                .append(figure("annual impact", all.annual(), "/ui/findings"))
                .append(figure("credits owed", all.recoverable(), "/ui/findings?credit=yes"))
                .append(figure("savings a year at the benchmark target", atBenchmark.annual(), "/ui/market-position"))
                .append("</ul>\n");
        if (all.count == 0) {
            h.append("<p>No findings yet: ").append(run.isEmpty() ? "no audit has run for this tenant." : "the latest audit found nothing.")
                    .append("</p>\n");
        } else {
            h.append("<h2>Findings by kind</h2>\n<table class=\"wide\"><thead><tr><th scope=\"col\">kind</th><th scope=\"col\" class=\"num\">findings</th>"
                    + "<th scope=\"col\" class=\"num\">monthly impact</th><th scope=\"col\" class=\"num\">annual impact</th>"
                    + "<th scope=\"col\" class=\"num\">credits owed</th></tr></thead><tbody>");
            byKind.forEach((kind, kindTotals) -> {
                String link = "/ui/findings?kind=" + java.net.URLEncoder.encode(kind, java.nio.charset.StandardCharsets.UTF_8);
                h.append("<tr><td><a href=\"").append(escape(link)).append("\">").append(escape(kind)).append("</a></td>")
                        .append(cell(link, String.valueOf(kindTotals.count))).append(cell(link, kindTotals.monthly()))
                        .append(cell(link, kindTotals.annual())).append(cell(link, kindTotals.recoverable())).append("</tr>");
            });
            h.append("</tbody></table>\n");
        }
        spend(h, books.ledger(request.tenant()).monthlySpend(LineQuery.ALL));
        intake(h, intake.recent(request.tenant(), 5));
        return h.toString();
    }

    private static String cell(String href, String text) {
        return "<td class=\"num\"><a href=\"" + escape(href) + "\">" + escape(text) + "</a></td>";
    }

    /** The latest bills through the inbox, each linking to the intake's list. */
    private static void intake(StringBuilder h, List<IntakeItem> items) {
        h.append("<h2>Latest bills in</h2>\n");
        if (items.isEmpty()) {
            h.append("<p>None through the inbox yet: <a href=\"/ui/bills\">bills and intake</a>.</p>\n");
            return;
        }
        h.append("<ul id=\"latest-intake\">");
        for (IntakeItem item : items) {
            h.append("<li><a href=\"/ui/bills\">").append(escape(item.file())).append("</a> ").append(item.state()).append(", received ")
                    .append(item.receivedAt()).append(item.reason() == null ? "" : ": " + escape(item.reason())).append("</li>");
        }
        h.append("</ul>\n");
    }

    /**
     * Spend per month and carrier, the latest twelve months the bills charge for, summed in the store in the
     * bill's currency; each month links to the inventory, each carrier's cell to its services.
     */
    private static void spend(StringBuilder h, List<MonthlySpend> spend) {
        TreeSet<YearMonth> latest = new TreeSet<>();
        spend.forEach(month -> {
            latest.add(month.month());
            if (latest.size() > MONTHS) {
                latest.pollFirst();
            }
        });
        Map<YearMonth, Map<String, Money>> months = new TreeMap<>();
        TreeSet<String> carriers = new TreeSet<>();
        for (MonthlySpend month : spend) {
            if (latest.contains(month.month())) {
                carriers.add(month.carrier());
                // a carrier billing in two currencies is shown in the first: amounts are never added across currencies
                months.computeIfAbsent(month.month(), m -> new TreeMap<>()).merge(month.carrier(), month.total(),
                        (a, b) -> a.currency().equals(b.currency()) ? a.plus(b) : a);
            }
        }
        h.append("<h2>Spend per month by carrier</h2>\n");
        if (months.isEmpty()) {
            h.append("<p>No bills yet.</p>\n");
            return;
        }
        List<String> labels = months.keySet().stream().map(YearMonth::toString).toList();
        List<Charts.Series> series = carriers.stream().map(carrier -> new Charts.Series(carrier, months.values().stream()
                .map(byCarrier -> Optional.ofNullable(byCarrier.get(carrier)).map(Money::amount).orElse(null)).toList())).toList();
        h.append("<figure>").append(Charts.stackedColumns(labels, series, "spend-chart", "Spend per month by carrier, latest twelve months"))
                .append("</figure>\n");
        h.append("<table class=\"wide\" id=\"spend\"><thead><tr><th scope=\"col\">month</th>");
        carriers.forEach(carrier -> h.append("<th scope=\"col\" class=\"num\"><a href=\"/ui/inventory?carrier=")
                .append(escape(java.net.URLEncoder.encode(carrier, java.nio.charset.StandardCharsets.UTF_8))).append("\">")
                .append(escape(carrier)).append("</a></th>"));
        h.append("</tr></thead><tbody>");
        months.forEach((month, byCarrier) -> {
            h.append("<tr><th scope=\"row\">").append(month).append("</th>");
            carriers.forEach(carrier -> h.append("<td class=\"num\">").append(escape(Optional.ofNullable(byCarrier.get(carrier))
                    .map(Money::toString).orElse(""))).append("</td>"));
            h.append("</tr>");
        });
        h.append("</tbody></table>\n");
    }

    private static String figure(String label, String value, String href) {
        return "<li><a href=\"" + escape(href) + "\"><span class=\"figure\">" + escape(value) + "</span>" + escape(label) + "</a></li>";
    }

    /** A group of findings' count and impacts, per currency (a tenant billed in two currencies shows both). */
    private static final class Totals {
        long count;
        final Map<String, Money> monthly = new TreeMap<>();
        final Map<String, Money> annual = new TreeMap<>();
        final Map<String, Money> recoverable = new TreeMap<>();

        void add(FindingTotal total) {
            count += total.findings();
            add(monthly, total.monthly());
            add(annual, total.annual());
            if (total.recoverable().amount().signum() != 0) {
                add(recoverable, total.recoverable());
            }
        }

        private static void add(Map<String, Money> sums, Money money) {
            if (money != null) {
                sums.merge(money.currency().getCurrencyCode(), money, Money::plus);
            }
        }

        String monthly() {
            return text(monthly);
        }

        String annual() {
            return text(annual);
        }

        String recoverable() {
            return text(recoverable);
        }

        private static String text(Map<String, Money> sums) {
            return sums.isEmpty() ? "0" : String.join(" + ", sums.values().stream().map(Money::toString).toList());
        }
    }
}
