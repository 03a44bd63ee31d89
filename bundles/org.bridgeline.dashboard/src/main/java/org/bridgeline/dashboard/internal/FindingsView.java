package org.bridgeline.dashboard.internal;

import static org.bridgeline.html.Html.escape;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.dashboard.DashboardView;
import org.bridgeline.dashboard.ViewNotFoundException;
import org.bridgeline.dashboard.ViewRequest;
import org.bridgeline.store.AuditRunRecord;
import org.bridgeline.store.AuditStore;
import org.bridgeline.store.StoredFinding;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The latest audit's findings, filtered by kind, carrier and least annual impact, largest first; a
 * finding's page ({@code /ui/findings/ID}) with its explanation, action, credit and the evidence
 * lines with the file and record each came from.
 */
@Component(service = DashboardView.class)
public final class FindingsView implements DashboardView {

    private final AuditStore audits;

    @Activate
    public FindingsView(@Reference AuditStore audits) {
        this.audits = audits;
    }

    @Override
    public String id() {
        return "findings";
    }

    /** Rows on a page, the largest impact first: a large audit is filtered, not scrolled. */
    static final int ROWS = 500;

    @Override
    public String title() {
        return "Findings";
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public String render(ViewRequest request) throws Exception {
        if (!request.segments().isEmpty()) {
            return finding(request, request.segments().get(0));
        }
        Optional<String> kind = request.parameter("kind");
        Optional<String> carrier = request.parameter("carrier");
        Optional<String> minImpactText = request.parameter("minImpact");
        boolean withCredit = request.parameter("credit").map("yes"::equals).orElse(false);
        String minImpactValue = minImpactText.orElse("0").strip();
        if (!minImpactValue.matches("\\d{1,15}(\\.\\d{1,4})?")) {
            throw new IllegalArgumentException("least annual impact: expected an amount such as 1000, found \"" + minImpactValue + "\"");
        }
        java.math.BigDecimal minImpact = new java.math.BigDecimal(minImpactValue);
        Optional<AuditRunRecord> run = audits.latestAuditRun(request.tenant());
        List<StoredFinding> findings = run.isEmpty() ? List.of() : audits.findings(request.tenant(), run.get().runId()).stream()
                .filter(stored -> kind.map(stored.finding().kind()::equals).orElse(true))
                .filter(stored -> carrier.map(stored.finding().carrier()::equals).orElse(true))
                .filter(stored -> stored.finding().annualImpact().amount().compareTo(minImpact) >= 0)
                .filter(stored -> !withCredit || stored.finding().recoverable() != null && stored.finding().recoverable().amount().signum() > 0)
                .sorted(Comparator.comparing((StoredFinding stored) -> stored.finding().annualImpact().amount()).reversed()).toList();
        StringBuilder h = new StringBuilder();
        h.append("<form method=\"get\" action=\"/ui/findings\" class=\"filters\"><label for=\"kind\">kind</label> ")
                .append("<input id=\"kind\" name=\"kind\" value=\"").append(escape(kind.orElse(""))).append("\"> ")
                .append("<label for=\"carrier\">carrier</label> <input id=\"carrier\" name=\"carrier\" value=\"")
                .append(escape(carrier.orElse(""))).append("\"> <label for=\"minImpact\">least annual impact</label> ")
                .append("<input id=\"minImpact\" name=\"minImpact\" inputmode=\"decimal\" value=\"").append(escape(minImpactText.orElse("")))
                .append("\"> <label><input type=\"checkbox\" name=\"credit\" value=\"yes\"").append(withCredit ? " checked" : "")
                .append("> with a credit owed</label> <button type=\"submit\">Filter</button></form>\n");
        if (findings.isEmpty()) {
            return h.append("<p>No findings").append(run.isEmpty() ? ": no audit has run for this tenant." : " match.").append("</p>").toString();
        }
        h.append("<p>").append(findings.size()).append(" findings of audit run ").append(run.get().runId())
                .append(findings.size() > ROWS ? ", the " + ROWS + " of largest impact shown: narrow the filters to see the rest" : "").append(".</p>\n")
                .append("<table class=\"wide\" id=\"findings\"><thead><tr><th scope=\"col\">kind</th><th scope=\"col\">carrier</th>"
                        + "<th scope=\"col\">service</th><th scope=\"col\">severity</th><th scope=\"col\" class=\"num\">annual impact</th>"
                        + "<th scope=\"col\" class=\"num\">credit</th></tr></thead><tbody>");
        for (StoredFinding stored : findings.subList(0, Math.min(ROWS, findings.size()))) {
            Finding finding = stored.finding();
            h.append("<tr><td><a href=\"/ui/findings/").append(stored.findingId()).append("\">").append(escape(finding.kind()))
                    .append("</a></td><td>").append(escape(finding.carrier())).append("</td><td>").append(escape(finding.serviceId()))
                    .append("</td><td>").append(escape(finding.severity())).append("</td><td class=\"num\">").append(escape(finding.annualImpact()))
                    .append("</td><td class=\"num\">").append(escape(money(finding.recoverable()))).append("</td></tr>");
        }
        return h.append("</tbody></table>").toString();
    }

    private String finding(ViewRequest request, String id) throws Exception {
        String tenant = request.tenant();
        if (!id.matches("\\d{1,18}")) {
            throw new ViewNotFoundException("finding " + id);
        }
        StoredFinding stored = audits.finding(tenant, Long.parseLong(id)).orElseThrow(() -> new ViewNotFoundException("finding " + id));
        Finding finding = stored.finding();
        StringBuilder h = new StringBuilder();
        h.append("<h2>").append(escape(finding.kind())).append(": ").append(escape(finding.carrier())).append(' ')
                .append(escape(finding.serviceId() == null ? "" : finding.serviceId())).append("</h2>\n")
                .append("<p id=\"explanation\">").append(escape(finding.explanation())).append("</p>\n")
                .append("<ul class=\"figures\"><li><span class=\"figure\">").append(escape(finding.monthlyImpact())).append("</span>a month</li>")
                .append("<li><span class=\"figure\">").append(escape(finding.annualImpact())).append("</span>a year</li>")
                .append("<li><span class=\"figure\">").append(escape(money(finding.recoverable()))).append("</span>credit owed</li></ul>\n")
                .append("<p>Action: ").append(escape(finding.action())).append("</p>\n");
        if (request.role().allows(org.bridgeline.tenancy.Role.OPERATOR) && finding.recoverable() != null
                && finding.recoverable().amount().signum() > 0 && !finding.evidence().isEmpty()) {
            // the disputes view (the dispute bundle's) opens it; one open dispute per anomaly, so a second attempt says which holds it
            h.append("<form method=\"post\" action=\"/ui/disputes/open\" class=\"filters\"><input type=\"hidden\" name=\"csrf\" value=\"")
                    .append(escape(request.csrfToken())).append("\"><input type=\"hidden\" name=\"finding\" value=\"").append(stored.findingId())
                    .append("\"><label for=\"note\">note</label> <input id=\"note\" name=\"note\"> <button type=\"submit\" id=\"open-dispute\">")
                    .append("Open a dispute</button></form>\n");
        }
        h.append("<h2>Evidence</h2>\n");
        if (finding.evidence().isEmpty()) {
            return h.append("<p>This finding cites no bill lines (it is about a contract or the inventory).</p>").toString();
        }
        h.append("<table class=\"wide\" id=\"evidence\"><thead><tr><th scope=\"col\">file</th><th scope=\"col\" class=\"num\">record</th>"
                + "<th scope=\"col\">invoice</th><th scope=\"col\">charge</th><th scope=\"col\">description</th>"
                + "<th scope=\"col\" class=\"num\">amount</th></tr></thead><tbody>");
        for (ChargeLine line : finding.evidence()) {
            h.append("<tr><td>").append(escape(line.source() == null ? "" : line.source().file())).append("</td><td class=\"num\">")
                    .append(line.source() == null ? "" : line.source().record()).append("</td><td>").append(escape(line.invoiceNumber()))
                    .append("</td><td>").append(escape(line.chargeCode())).append("</td><td>").append(escape(line.description()))
                    .append("</td><td class=\"num\">").append(escape(line.amount())).append("</td></tr>");
        }
        return h.append("</tbody></table>").toString();
    }

    private static String money(Money money) {
        return money == null ? "" : money.toString();
    }
}
