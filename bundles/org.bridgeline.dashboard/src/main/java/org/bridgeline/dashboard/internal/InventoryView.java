package org.bridgeline.dashboard.internal;

import static org.bridgeline.html.Html.escape;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bridgeline.api.detect.BenchmarkMatch;
import org.bridgeline.api.detect.BilledPrice;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ContractedPrice;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.dashboard.DashboardView;
import org.bridgeline.dashboard.ViewNotFoundException;
import org.bridgeline.dashboard.ViewRequest;
import org.bridgeline.html.Charts;
import org.bridgeline.store.BookStore;
import org.bridgeline.store.InventoryItem;
import org.bridgeline.store.InventoryPage;
import org.bridgeline.store.InventorySelection;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Every service the tenant is billed for, by carrier, site and type, with filters: the book of
 * business as the store keeps it, a page of it selected in the store; a service's page with its
 * months, charge codes, contract rates and market position.
 */
@Component(service = DashboardView.class)
public final class InventoryView implements DashboardView {

    /** Rows on a page: a large book is filtered or paged, not scrolled. */
    static final int ROWS = 250;

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
        ServiceType serviceType = null;
        if (type.isPresent() && !type.get().isBlank()) {
            serviceType = Arrays.stream(ServiceType.values()).filter(t -> t.name().equalsIgnoreCase(type.get().strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("type: expected one of " + Arrays.toString(ServiceType.values())
                            + ", found \"" + type.get() + "\""));
        }
        String from = request.parameter("from").orElse("0").strip();
        if (!from.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("from: expected the number of the first service to show, such as 250, found \"" + from + "\"");
        }
        long offset = Long.parseLong(from);
        InventoryPage page = books.ledger(request.tenant()).inventory(new InventorySelection(
                new LineQuery(carrier.orElse(null), null, null, null), serviceType, site.orElse(null)), offset, ROWS);
        List<InventoryItem> services = page.services();
        StringBuilder h = new StringBuilder();
        h.append("<form method=\"get\" action=\"/ui/inventory\" class=\"filters\">");
        filter(h, "carrier", carrier);
        filter(h, "site", site);
        filter(h, "type", type);
        h.append("<button type=\"submit\">Filter</button></form>\n<p>").append(page.matching()).append(" services")
                .append(page.matching() > services.size() && !services.isEmpty()
                        ? ", " + (offset + 1) + " to " + (offset + services.size()) + " shown" : "").append(".</p>\n");
        pages(h, carrier, site, type, offset, page.matching());
        if (services.isEmpty()) {
            return h.toString();
        }
        h.append("<table class=\"wide\" id=\"inventory\"><thead><tr><th scope=\"col\">carrier</th><th scope=\"col\">account</th>"
                + "<th scope=\"col\">service</th><th scope=\"col\">site</th><th scope=\"col\">type</th><th scope=\"col\">billed</th>"
                + "<th scope=\"col\" class=\"num\">monthly recurring</th><th scope=\"col\" class=\"num\">usage</th>"
                + "<th scope=\"col\">charge codes</th></tr></thead><tbody>");
        for (InventoryItem item : services) {
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
        h.append("</tbody></table>\n");
        contractRates(h, book, item);
        h.append("<h2>Against the market</h2>\n");
        Optional<BenchmarkMatch> position = book.benchmarkMatchesOf(new LineQuery(carrier, item.account(), serviceId, null, null), 25).stream().filter(match -> match.serviceId().equals(serviceId))
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

    /**
     * Each recurring charge code at the price it was last billed, against what the carrier's contract
     * allows on that day: the rate, the term it belongs to, and whether the bill keeps to it.
     */
    private static void contractRates(StringBuilder h, BookOfBusiness book, InventoryItem item) {
        h.append("<h2>Against the contract</h2>\n");
        List<Contract> contracts = book.contracts(item.carrier());
        if (contracts.isEmpty()) {
            h.append("<p>No contract with ").append(escape(item.carrier())).append(" is on file.</p>\n");
            return;
        }
        Map<String, BilledPrice> latest = new TreeMap<>();
        book.billedPrices(new LineQuery(item.carrier(), item.account(), item.serviceId(), null, ChargeCategory.RECURRING), price -> {
            String code = price.chargeCode() == null ? "" : price.chargeCode();
            BilledPrice known = latest.get(code);
            if (known == null || price.lastCharged().isAfter(known.lastCharged())) {
                latest.put(code, price);
            }
        });
        if (latest.isEmpty()) {
            h.append("<p>No recurring charges to set against the contract.</p>\n");
            return;
        }
        h.append("<table class=\"wide\" id=\"contract-rates\"><thead><tr><th scope=\"col\">charge code</th>"
                + "<th scope=\"col\" class=\"num\">billed a unit</th><th scope=\"col\">last billed</th><th scope=\"col\">contract</th>"
                + "<th scope=\"col\" class=\"num\">contract rate</th><th scope=\"col\" class=\"num\">allowed then</th>"
                + "<th scope=\"col\">term</th><th scope=\"col\">verdict</th></tr></thead><tbody>");
        latest.forEach((code, price) -> {
            Optional<ContractedPrice> contracted = contracts.stream().map(contract -> contract.priceFor(item.serviceId(), item.site(),
                    price.serviceType(), price.chargeCode(), price.bandwidthMbps(), price.lastCharged())).flatMap(Optional::stream).findFirst();
            h.append("<tr><td>").append(escape(code)).append("</td><td class=\"num\">").append(escape(price.pricePerUnit()))
                    .append("</td><td>").append(price.lastCharged()).append("</td>");
            if (contracted.isEmpty()) {
                h.append("<td colspan=\"4\">no rate of the contract prices this charge</td><td></td></tr>");
                return;
            }
            ContractedPrice rate = contracted.get();
            String verdict = !rate.judged() ? "after the term, no ceiling"
                    : price.pricePerUnit().amount().compareTo(rate.allowed().amount()) > 0 ? "above the contract" : "within the contract";
            h.append("<td>").append(escape(rate.contract().contractId())).append("</td><td class=\"num\">").append(escape(rate.rate().rate()))
                    .append("</td><td class=\"num\">").append(rate.judged() ? escape(rate.allowed()) : "").append("</td><td>")
                    .append(rate.term().start()).append(" – ").append(rate.term().end()).append(rate.inTerm() ? "" : " (ended)")
                    .append("</td><td>").append(verdict).append("</td></tr>");
        });
        h.append("</tbody></table>\n");
    }

    /** Links to the previous and next page of the same selection. */
    private static void pages(StringBuilder h, Optional<String> carrier, Optional<String> site, Optional<String> type, long offset, long matching) {
        if (offset == 0 && matching <= ROWS) {
            return;
        }
        String selection = "/ui/inventory?" + carrier.map(c -> "carrier=" + query(c) + "&amp;").orElse("")
                + site.map(s -> "site=" + query(s) + "&amp;").orElse("") + type.map(t -> "type=" + query(t) + "&amp;").orElse("") + "from=";
        h.append("<nav aria-label=\"Pages of the inventory\" class=\"pages\">");
        if (offset > 0) {
            h.append("<a rel=\"prev\" href=\"").append(selection).append(Math.max(0, offset - ROWS)).append("\">previous ").append(ROWS).append("</a> ");
        }
        if (offset + ROWS < matching) {
            h.append("<a rel=\"next\" href=\"").append(selection).append(offset + ROWS).append("\">next ").append(ROWS).append("</a>");
        }
        h.append("</nav>\n");
    }

    private static String query(String value) {
        return escape(java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void filter(StringBuilder h, String name, Optional<String> value) {
        h.append("<label for=\"").append(name).append("\">").append(name).append("</label> <input id=\"").append(name).append("\" name=\"")
                .append(name).append("\" value=\"").append(escape(value.orElse(""))).append("\"> ");
    }
}
