package org.bridgeline.dashboard.internal;

import static org.bridgeline.html.Html.escape;

import java.util.List;
import java.util.Optional;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.dashboard.DashboardView;
import org.bridgeline.dashboard.ViewRequest;
import org.bridgeline.store.BookStore;
import org.bridgeline.store.InventoryItem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Every service the tenant is billed for, by carrier, site and type, with filters: the book of business as the store keeps it. */
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
                    .append(escape(item.serviceId())).append("</td><td>").append(escape(item.site())).append("</td><td>")
                    .append(escape(item.serviceType())).append("</td><td>").append(item.firstBilled()).append(" – ").append(item.lastBilled())
                    .append("</td><td class=\"num\">").append(escape(item.monthlyRecurring())).append("</td><td class=\"num\">")
                    .append(escape(item.usage())).append("</td><td>").append(escape(String.join(", ", item.chargeCodes()))).append("</td></tr>");
        }
        return h.append("</tbody></table>").toString();
    }

    private static void filter(StringBuilder h, String name, Optional<String> value) {
        h.append("<label for=\"").append(name).append("\">").append(name).append("</label> <input id=\"").append(name).append("\" name=\"")
                .append(name).append("\" value=\"").append(escape(value.orElse(""))).append("\"> ");
    }
}
