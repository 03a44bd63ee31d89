package org.bridgeline.dispute.internal;

import static org.bridgeline.html.Html.escape;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.bridgeline.dashboard.DashboardView;
import org.bridgeline.dashboard.ViewFile;
import org.bridgeline.dashboard.ViewNotFoundException;
import org.bridgeline.dashboard.ViewRequest;
import org.bridgeline.dispute.DisputeService;
import org.bridgeline.store.DisputeConflictException;
import org.bridgeline.store.DisputeCredit;
import org.bridgeline.store.DisputeEvent;
import org.bridgeline.store.DisputeRecord;
import org.bridgeline.store.DisputeState;
import org.bridgeline.store.DisputedFinding;
import org.bridgeline.tenancy.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The dashboard's disputes view, contributed by this bundle: the tenant's disputes with what they
 * claim, were credited and still claim, and their age; a dispute's page with its findings, history,
 * credits (an operator confirms or rejects a proposed one, and moves the dispute on) and letter.
 * A finding's page posts to {@code /ui/disputes/open} to open a dispute for it.
 */
@Component(service = DashboardView.class)
public final class DisputesView implements DashboardView {

    private final DisputeService disputes;

    @Activate
    public DisputesView(@Reference DisputeService disputes) {
        this.disputes = disputes;
    }

    @Override
    public String id() {
        return "disputes";
    }

    @Override
    public String title() {
        return "Disputes";
    }

    @Override
    public int order() {
        return 420;
    }

    @Override
    public Optional<ViewFile> file(ViewRequest request) throws Exception {
        List<String> segments = request.segments();
        if (segments.size() != 2 || !segments.get(1).matches("letter\\.(html|csv)")) {
            return Optional.empty();
        }
        long id = id(segments.get(0));
        existing(request, id);
        List<Path> letter = disputes.writeLetter(request.tenant(), id, null);
        boolean html = segments.get(1).endsWith(".html");
        return Optional.of(new ViewFile(html ? letter.get(0) : letter.get(1), html ? "text/html" : "text/csv", !html));
    }

    @Override
    public String render(ViewRequest request) throws Exception {
        List<String> segments = request.segments();
        try {
            if (request.method().equals("POST") && segments.equals(List.of("open"))) {
                long finding = id(request.parameter("finding").orElseThrow(() -> new IllegalArgumentException("which finding?")));
                DisputeRecord opened = disputes.open(request.tenant(), List.of(finding), request.parameter("note").orElse(null), actor(request),
                        null);
                return "<p role=\"status\">Dispute " + opened.disputeId() + " opened, a draft: submit it when it is sent.</p>\n"
                        + page(request, opened);
            }
            if (!segments.isEmpty()) {
                long id = id(segments.get(0));
                DisputeRecord dispute = existing(request, id);
                String done = "";
                if (request.method().equals("POST") && segments.size() == 2 && segments.get(1).equals("state")) {
                    String named = request.parameter("state").orElse("").strip();
                    DisputeState state = java.util.Arrays.stream(DisputeState.values()).filter(each -> each.name().equals(named)).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("state: expected one of " + statesAnd(named)));
                    dispute = disputes.set(request.tenant(), id, state, request.parameter("note").orElse(null), actor(request), null);
                    done = "Dispute " + id + " is " + dispute.state() + " now.";
                } else if (request.method().equals("POST") && segments.size() == 3 && segments.get(1).equals("credits")) {
                    boolean confirm = request.parameter("decision").orElse("").equals("confirm");
                    dispute = disputes.decide(request.tenant(), id, (int) id(segments.get(2)), confirm, null, actor(request));
                    done = "Credit " + segments.get(2) + (confirm ? " confirmed." : " rejected.");
                }
                return (done.isEmpty() ? "" : "<p role=\"status\">" + escape(done) + "</p>\n") + page(request, dispute);
            }
        } catch (DisputeConflictException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return list(request);
    }

    private String list(ViewRequest request) throws Exception {
        Optional<String> state = request.parameter("state");
        Optional<String> carrier = request.parameter("carrier");
        DisputeState wanted = null;
        if (state.isPresent()) {
            try {
                wanted = DisputeState.valueOf(state.get().strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("state: expected one of " + java.util.Arrays.toString(DisputeState.values()) + ", found \""
                        + state.get() + "\"");
            }
        }
        List<DisputeRecord> list = disputes.disputes(request.tenant(), wanted, carrier.orElse(null));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        StringBuilder h = new StringBuilder("<form method=\"get\" action=\"/ui/disputes\" class=\"filters\"><label for=\"state\">state</label> ")
                .append("<input id=\"state\" name=\"state\" value=\"").append(escape(state.orElse(""))).append("\"> <label for=\"carrier\">carrier")
                .append("</label> <input id=\"carrier\" name=\"carrier\" value=\"").append(escape(carrier.orElse("")))
                .append("\"> <button type=\"submit\">Filter</button></form>\n");
        if (list.isEmpty()) {
            return h.append("<p>No disputes").append(state.isEmpty() && carrier.isEmpty()
                    ? " yet: open one from a finding's page, or with bl:dispute-open." : " match.").append("</p>").toString();
        }
        h.append("<table class=\"wide\" id=\"disputes\"><thead><tr><th scope=\"col\">dispute</th><th scope=\"col\">carrier</th>"
                + "<th scope=\"col\">account</th><th scope=\"col\">state</th><th scope=\"col\" class=\"num\">claimed</th>"
                + "<th scope=\"col\" class=\"num\">credited</th><th scope=\"col\" class=\"num\">outstanding</th><th scope=\"col\">submitted</th>"
                + "<th scope=\"col\">aging (days)</th><th scope=\"col\" class=\"num\">proposed credits</th></tr></thead><tbody>");
        for (DisputeRecord d : list) {
            long proposed = d.credits().stream().filter(c -> c.status() == DisputeCredit.Status.PROPOSED).count();
            h.append("<tr><td><a href=\"/ui/disputes/").append(d.disputeId()).append("\">").append(d.disputeId()).append("</a></td><td>")
                    .append(escape(d.carrier())).append("</td><td>").append(escape(d.account())).append("</td><td>").append(d.state())
                    .append("</td><td class=\"num\">").append(escape(d.claimed())).append("</td><td class=\"num\">").append(escape(d.credited()))
                    .append("</td><td class=\"num\">").append(escape(d.outstanding())).append("</td><td>")
                    .append(d.submittedOn() == null ? "" : d.submittedOn()).append("</td><td>").append(escape(d.aging(today)))
                    .append("</td><td class=\"num\">").append(proposed == 0 ? "" : proposed).append("</td></tr>");
        }
        return h.append("</tbody></table>").toString();
    }

    private static String page(ViewRequest request, DisputeRecord d) {
        boolean operator = request.role().allows(Role.OPERATOR);
        StringBuilder h = new StringBuilder("<h2>Dispute ").append(d.disputeId()).append(": ").append(escape(d.carrier())).append(", account ")
                .append(escape(d.account())).append("</h2>\n<ul class=\"figures\" aria-label=\"The claim\">")
                .append("<li><span class=\"figure\">").append(d.state()).append("</span>state</li>")
                .append("<li><span class=\"figure\">").append(escape(d.claimed())).append("</span>claimed</li>")
                .append("<li><span class=\"figure\">").append(escape(d.credited())).append("</span>credited</li>")
                .append("<li><span class=\"figure\">").append(escape(d.outstanding())).append("</span>outstanding</li>")
                .append("<li><span class=\"figure\">").append(escape(d.costAvoided(LocalDate.now(ZoneOffset.UTC))))
                .append("</span>cost avoided</li></ul>\n")
                .append("<p>Letter: <a href=\"/ui/disputes/").append(d.disputeId()).append("/letter.html\">page</a> · <a href=\"/ui/disputes/")
                .append(d.disputeId()).append("/letter.csv\">CSV for the carrier's portal</a></p>\n");
        if (operator && !d.state().next().isEmpty()) {
            h.append("<form method=\"post\" action=\"/ui/disputes/").append(d.disputeId()).append("/state\" class=\"filters\">")
                    .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(escape(request.csrfToken())).append("\">")
                    .append("<label for=\"state\">move to</label> <select id=\"state\" name=\"state\">");
            d.state().next().forEach(next -> h.append("<option>").append(next).append("</option>"));
            h.append("</select> <label for=\"note\">note</label> <input id=\"note\" name=\"note\"> <button type=\"submit\">Save</button></form>\n");
        }
        h.append("<h2>Findings</h2>\n<table class=\"wide\" id=\"dispute-findings\"><thead><tr><th scope=\"col\">finding</th>"
                + "<th scope=\"col\">kind</th><th scope=\"col\">service</th><th scope=\"col\" class=\"num\">claimed</th>"
                + "<th scope=\"col\">no longer billed</th><th scope=\"col\">explanation</th></tr></thead><tbody>");
        for (DisputedFinding f : d.findings()) {
            h.append("<tr><td><a href=\"/ui/findings/").append(f.findingId()).append("\">").append(f.findingId()).append("</a></td><td>")
                    .append(escape(f.kind())).append("</td><td>").append(escape(f.serviceId() == null ? "" : f.serviceId()))
                    .append("</td><td class=\"num\">").append(escape(f.claimed())).append("</td><td>")
                    .append(f.resolvedOn() == null ? "" : f.resolvedOn()).append("</td><td>").append(escape(f.explanation()))
                    .append("</td></tr>");
        }
        h.append("</tbody></table>\n<h2>History</h2>\n<table class=\"wide\" id=\"dispute-history\"><thead><tr><th scope=\"col\">when</th>"
                + "<th scope=\"col\">who</th><th scope=\"col\">from</th><th scope=\"col\">to</th><th scope=\"col\">note</th></tr></thead><tbody>");
        for (DisputeEvent e : d.history()) {
            h.append("<tr><td>").append(e.at()).append("</td><td>").append(escape(e.actor())).append("</td><td>")
                    .append(e.from() == null ? "" : e.from()).append("</td><td>").append(e.to()).append("</td><td>")
                    .append(escape(e.note() == null ? "" : e.note())).append("</td></tr>");
        }
        h.append("</tbody></table>\n");
        if (!d.credits().isEmpty()) {
            h.append("<h2>Credits on later bills</h2>\n<table class=\"wide\" id=\"dispute-credits\"><thead><tr><th scope=\"col\">credit</th>"
                    + "<th scope=\"col\">status</th><th scope=\"col\">invoice</th><th scope=\"col\">service</th><th scope=\"col\" class=\"num\">line</th>"
                    + "<th scope=\"col\" class=\"num\">for this dispute</th><th scope=\"col\">source</th><th scope=\"col\">why</th>"
                    + (operator ? "<th scope=\"col\">decide</th>" : "") + "</tr></thead><tbody>");
            for (DisputeCredit c : d.credits()) {
                h.append("<tr><td>").append(c.seq()).append("</td><td>").append(c.status()).append("</td><td>").append(escape(c.invoiceNumber()))
                        .append(" (").append(c.invoiceDate()).append(")</td><td>").append(escape(c.serviceId() == null ? "" : c.serviceId()))
                        .append("</td><td class=\"num\">").append(escape(c.lineAmount())).append("</td><td class=\"num\">").append(escape(c.applied()))
                        .append("</td><td>").append(escape(c.file())).append(", record ").append(c.record()).append("</td><td>")
                        .append(escape(c.reason() == null ? "" : c.reason())).append("</td>");
                if (operator) {
                    h.append("<td>");
                    if (c.status() == DisputeCredit.Status.PROPOSED) {
                        for (String decision : List.of("confirm", "reject")) {
                            h.append("<form method=\"post\" action=\"/ui/disputes/").append(d.disputeId()).append("/credits/").append(c.seq())
                                    .append("\" class=\"inline\"><input type=\"hidden\" name=\"csrf\" value=\"").append(escape(request.csrfToken()))
                                    .append("\"><input type=\"hidden\" name=\"decision\" value=\"").append(decision).append("\"><button type=\"submit\">")
                                    .append(decision).append("</button></form> ");
                        }
                    }
                    h.append("</td>");
                }
                h.append("</tr>");
            }
            h.append("</tbody></table>\n");
        }
        return h.toString();
    }

    private static String statesAnd(String found) {
        return java.util.Arrays.toString(DisputeState.values()) + ", found \"" + found + "\"";
    }

    private DisputeRecord existing(ViewRequest request, long id) throws Exception {
        return disputes.dispute(request.tenant(), id).orElseThrow(() -> new ViewNotFoundException("dispute " + id));
    }

    private static long id(String text) throws ViewNotFoundException {
        if (!text.matches("\\d{1,18}")) {
            throw new ViewNotFoundException("dispute " + text);
        }
        return Long.parseLong(text);
    }

    private static String actor(ViewRequest request) {
        return "dashboard (" + request.role().name().toLowerCase() + ")";
    }
}
