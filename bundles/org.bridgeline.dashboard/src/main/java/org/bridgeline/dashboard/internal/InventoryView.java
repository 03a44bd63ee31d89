package org.bridgeline.dashboard.internal;

import static org.bridgeline.html.Html.escape;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bridgeline.api.detect.BenchmarkMatch;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.dashboard.DashboardView;
import org.bridgeline.dashboard.ViewNotFoundException;
import org.bridgeline.dashboard.ViewRequest;
import org.bridgeline.html.Charts;
import org.bridgeline.store.BookStore;
import org.bridgeline.store.InventoryItem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Every service the tenant is billed for, by carrier, site and type, with filters: the book of
 * business as the store keeps it; a service's page with its months, charge codes and market position.
 */
@Component(service = DashboardView.class)
public final class InventoryView implements DashboardView {

    /** Rows on a page: a large book is filtered, not scrolled. */
    static final int ROWS = 500;

    private final BookStore books;

    @Activate
    public InventoryView(@Reference BookStore books) {
        this.books = books;
    }

    @Override
    public String id() {
        return "inventory";
    }

    @Override
    public String title() {
        return "Inventory";
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public String render(ViewRequest request) throws Exception {
        if (request.segments().equals(List.of("service"))) {
            return service(request);
        }
        Optional<String> carrier = request.parameter("carrier");
        Optional<String> type = request.parameter("type");
        Optional<String> site = request.parameter("site");
        List<InventoryItem> services = books.ledger(request.tenant()).inventory(new LineQuery(carrier.orElse(null), null, null, null)).stream()
                .filter(item -> type.map(t -> t.equalsIgnoreCase(item.serviceType().name())).orElse(true))
                .filter(item -> site.map(s -> item.site() != null && item.site().toLowerCase().contains(s.toLowerCase())).orElse(true)).toList();
        StringBuilder h = new StringBuilder();
        h.append("<form method=\"get\" action=\"/ui/inventory\" class=\"filters\">");
        filter(h, "carrier", carrier);
        filter(h, "site", site);
        filter(h, "type", type);
        h.append("<button type=\"submit\">Filter</button></form>\n<p>").append(services.size()).append(" services")
                .append(services.size() > ROWS ? ", the first " + ROWS + " shown: narrow the filters to see the rest" : "").append(".</p>\n");
        if (services.isEmpty()) {
            return h.toString();
        }
        h.append("<table class=\"wide\" id=\"inventory\"><thead><tr><th scope=\"col\">carrier</th><th scope=\"col\">account</th>"
                + "<th scope=\"col\">service</th><th scope=\"col\">site</th><th scope=\"col\">type</th><th scope=\"col\">billed</th>"
                + "<th scope=\"col\" class=\"num\">monthly recurring</th><th scope=\"col\" class=\"num\">usage</th>"
                + "<th scope=\"col\">charge codes</th></tr></thead><tbody>");
        for (InventoryItem item : services.subList(0, Math.min(ROWS, services.size()))) {
            h.append("<tr><td>").append(escape(item.carrier())).append("</td><td>").append(escape(item.account())).append("</td><td>")
                    .append("<a href=\"/ui/inventory/service?carrier=").append(query(item.carrier())).append("&amp;account=")
                    .append(query(item.account())).append("&amp;service=").append(query(item.serviceId())).append("\">")
                    .append(escape(item.serviceId())).append("</a></td><td>").append(escape(item.site())).append("</td><td>")
                    .append(escape(item.serviceType())).append("</td><td>").append(item.firstBilled()).append(" – ").append(item.lastBilled())
                    .append("</td><td class=\"num\">").append(escape(item.monthlyRecurring())).append("</td><td class=\"num\">")
                    .append(escape(item.usage())).append("</td><td>").append(escape(String.join(", ", item.chargeCodes()))).append("</td></tr>");
        }
        return h.append("</tbody></table>").toString();
    }

    /**
     * One service: its months by charge category (chart and table), its charge codes, and where its
     * price stands against the market.
     */
    private String service(ViewRequest request) throws Exception {
        String carrier = request.parameter("carrier").orElseThrow(() -> new ViewNotFoundException("service: the carrier is missing"));
        String account = request.parameter("account").orElse(null);
        String serviceId = request.parameter("service").orElseThrow(() -> new ViewNotFoundException("service: the service id is missing"));
        InventoryItem item = books.ledger(request.tenant()).inventory(new LineQuery(carrier, account, serviceId, null, null)).stream()
                .filter(each -> each.serviceId().equals(serviceId)).findFirst()
                .orElseThrow(() -> new ViewNotFoundException("service " + serviceId + " of " + carrier));
        BookOfBusiness book = request.book();
        Map<YearMonth, Map<ChargeCategory, BigDecimal>> months = new TreeMap<>();
        TreeSet<ChargeCategory> categories = new TreeSet<>();
        book.serviceMonths(new LineQuery(carrier, item.account(), serviceId, null, null), month -> {
            categories.add(month.category());
            months.computeIfAbsent(month.month(), m -> new TreeMap<>()).merge(month.category(), month.total().amount(), BigDecimal::add);
        });
        StringBuilder h = new StringBuilder();
        h.append("<h2>").append(escape(carrier)).append(' ').append(escape(serviceId)).append("</h2>\n<p>")
                .append(escape(item.serviceType())).append(", site ").append(escape(item.site())).append(", account ").append(escape(item.account()))
                .append(", billed ").append(item.firstBilled()).append(" – ").append(item.lastBilled()).append("; charge codes ")
                .append(escape(String.join(", ", item.chargeCodes()))).append(".</p>\n");
        List<String> labels = months.keySet().stream().map(YearMonth::toString).toList();
        List<Charts.Series> series = categories.stream().map(category -> new Charts.Series(category.name(), months.values().stream()
                .map(byCategory -> byCategory.get(category)).toList())).toList();
        h.append("<h2>Month by month</h2>\n<figure>").append(Charts.stackedColumns(labels, series, "service-chart",
                "What " + serviceId + " cost each month, by charge category")).append("</figure>\n");
        h.append("<table class=\"wide\" id=\"service-months\"><thead><tr><th scope=\"col\">month</th>");
        categories.forEach(category -> h.append("<th scope=\"col\" class=\"num\">").append(category.name().toLowerCase()).append("</th>"));
        h.append("</tr></thead><tbody>");
        months.forEach((month, byCategory) -> {
            h.append("<tr><th scope=\"row\">").append(month).append("</th>");
            categories.forEach(category -> h.append("<td class=\"num\">").append(Optional.ofNullable(byCategory.get(category))
                    .map(Charts::amount).orElse("")).append("</td>"));
            h.append("</tr>");
        });
        h.append("</tbody></table>\n<h2>Against the market</h2>\n");
        Optional<BenchmarkMatch> position = book.benchmarkMatches(carrier, 25).stream().filter(match -> match.serviceId().equals(serviceId))
                .findFirst();
        if (position.isEmpty()) {
            h.append("<p>Not set against a benchmark: it has no recurring price in its carrier's latest month.</p>");
        } else if (position.get().benchmark() == null) {
            h.append("<p>No benchmark: ").append(escape(position.get().unmatched())).append(".</p>");
        } else {
            BenchmarkMatch match = position.get();
            h.append("<p id=\"position\">").append(escape(match.monthlyPrice())).append(" a month, at about the p")
                    .append(match.percentile() == null ? "?" : match.percentile().setScale(0, java.math.RoundingMode.HALF_EVEN))
                    .append(" of the market; the p25 target is ").append(escape(match.target())).append(", ").append(escape(match.annualOverpay()))
                    .append(" a year above it (").append(escape(match.benchmark().providerId() + ", " + match.benchmark().source() + ", "
                            + match.benchmark().asOf())).append(").</p>");
        }
        return h.toString();
    }

    private static String query(String value) {
        return escape(java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void filter(StringBuilder h, String name, Optional<String> value) {
        h.append("<label for=\"").append(name).append("\">").append(name).append("</label> <input id=\"").append(name).append("\" name=\"")
                .append(name).append("\" value=\"").append(escape(value.orElse(""))).append("\"> ");
    }
}
