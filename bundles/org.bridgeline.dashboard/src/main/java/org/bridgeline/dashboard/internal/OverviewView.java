package org.bridgeline.dashboard.internal;

import static org.bridgeline.html.Html.escape;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.core.BookService;
import org.bridgeline.dashboard.DashboardView;
import org.bridgeline.dashboard.ViewRequest;
import org.bridgeline.html.Charts;
import org.bridgeline.intake.IntakeItem;
import org.bridgeline.intake.IntakeService;
import org.bridgeline.store.AuditRunRecord;
import org.bridgeline.store.AuditStore;
import org.bridgeline.store.StoredFinding;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The tenant at a glance: the latest audit's findings (how many, worth what a month and a year,
 * credits owed) by kind, spend per month by carrier over the latest twelve billing months (the
 * store's per-service monthly totals, summed), and the latest bills through the inbox.
 */
@Component(service = DashboardView.class)
public final class OverviewView implements DashboardView {

    private final AuditStore audits;
    private final BookService books;
    private final IntakeService intake;

    @Activate
    public OverviewView(@Reference AuditStore audits, @Reference BookService books, @Reference IntakeService intake) {
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
        List<Finding> findings = new ArrayList<>();
        if (run.isPresent()) {
            audits.findings(request.tenant(), run.get().runId()).stream().map(StoredFinding::finding).forEach(findings::add);
        }
        Totals all = new Totals();
        Map<String, Totals> byKind = new TreeMap<>();
        for (Finding finding : findings) {
            all.add(finding);
            byKind.computeIfAbsent(finding.kind(), kind -> new Totals()).add(finding);
        }
        h.append("<ul class=\"figures\" aria-label=\"The latest audit\">")
                .append(figure("findings", String.valueOf(findings.size()), "/ui/findings"))
                .append(figure("monthly impact", all.monthly(), "/ui/findings"))
                .append(figure("annual impact", all.annual(), "/ui/findings"))
                .append(figure("credits owed", all.recoverable(), "/ui/findings"))
                .append("</ul>\n");
        if (findings.isEmpty()) {
            h.append("<p>No findings yet: ").append(run.isEmpty() ? "no audit has run for this tenant." : "the latest audit found nothing.")
                    .append("</p>\n");
        } else {
            h.append("<h2>Findings by kind</h2>\n<table class=\"wide\"><thead><tr><th scope=\"col\">kind</th><th scope=\"col\" class=\"num\">findings</th>"
                    + "<th scope=\"col\" class=\"num\">monthly impact</th><th scope=\"col\" class=\"num\">annual impact</th>"
                    + "<th scope=\"col\" class=\"num\">credits owed</th></tr></thead><tbody>");
            byKind.forEach((kind, totals) -> h.append("<tr><td><a href=\"/ui/findings?kind=").append(escape(kind)).append("\">")
                    .append(escape(kind)).append("</a></td><td class=\"num\">").append(totals.count).append("</td><td class=\"num\">")
                    .append(escape(totals.monthly())).append("</td><td class=\"num\">").append(escape(totals.annual()))
                    .append("</td><td class=\"num\">").append(escape(totals.recoverable())).append("</td></tr>"));
            h.append("</tbody></table>\n");
        }
        spend(h, books.book(request.tenant(), null));
        intake(h, intake.recent(request.tenant(), 5));
        return h.toString();
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

    /** Spend per billing month and carrier, the latest twelve months, summed in the bill's currency. */
    private static void spend(StringBuilder h, BookOfBusiness book) {
        Map<YearMonth, Map<String, Money>> months = new TreeMap<>();
        TreeSet<String> carriers = new TreeSet<>();
        book.serviceMonths(book.latestMonths(null, 12), month -> {
            carriers.add(month.carrier());
            months.computeIfAbsent(month.month(), m -> new TreeMap<>()).merge(month.carrier(), month.total(), Money::plus);
        });
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
        carriers.forEach(carrier -> h.append("<th scope=\"col\" class=\"num\">").append(escape(carrier)).append("</th>"));
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
        int count;
        final Map<String, Money> monthly = new TreeMap<>();
        final Map<String, Money> annual = new TreeMap<>();
        final Map<String, Money> recoverable = new TreeMap<>();

        void add(Finding finding) {
            count++;
            add(monthly, finding.monthlyImpact());
            add(annual, finding.annualImpact());
            add(recoverable, finding.recoverable());
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
