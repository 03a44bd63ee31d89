package org.bridgeline.dashboard.internal;

import static org.bridgeline.html.Html.escape;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bridgeline.dashboard.DashboardView;
import org.bridgeline.dashboard.ViewRequest;
import org.bridgeline.intake.IntakeItem;
import org.bridgeline.intake.IntakeService;
import org.bridgeline.intake.IntakeState;
import org.bridgeline.tenancy.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Bills and intake: an operator uploads bills (several files, dropped or chosen, each with its
 * progress), and everyone sees each bill's way in: waiting, importing, imported, audited, or refused
 * with its reason. The page follows a bill still on its way until its findings are ready.
 */
@Component(service = DashboardView.class)
public final class BillsView implements DashboardView {

    /** The largest bill a page may upload, as the API's default. */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private final IntakeService intake;

    @Activate
    public BillsView(@Reference IntakeService intake) {
        this.intake = intake;
    }

    @Override
    public String id() {
        return "bills";
    }

    @Override
    public String title() {
        return "Bills and intake";
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public String render(ViewRequest request) throws Exception {
        StringBuilder h = new StringBuilder();
        if (request.method().equals("POST")) {
            List<String> received = new ArrayList<>();
            for (ViewRequest.UploadedFile file : request.files()) {
                try (InputStream content = file.open()) {
                    received.add(intake.submit(request.tenant(), file.name(), content, MAX_BYTES).file());
                }
            }
            if (received.isEmpty()) {
                throw new IllegalArgumentException("no file in the upload: choose or drop one or more bills");
            }
            h.append("<p role=\"status\">Received ").append(received.size()).append(received.size() == 1 ? " bill: " : " bills: ")
                    .append(escape(String.join(", ", received))).append(".</p>\n");
        }
        if (request.role().allows(Role.OPERATOR)) {
            h.append("<form id=\"upload\" method=\"post\" action=\"/ui/bills\" enctype=\"multipart/form-data\">")
                    .append("<input type=\"hidden\" name=\"csrf\" value=\"").append(escape(request.csrfToken())).append("\">")
                    .append("<label for=\"bills-files\">Bills to upload (X12 811, carrier CSV, zip; several at once, or drop them here)</label> ")
                    .append("<input id=\"bills-files\" name=\"file\" type=\"file\" multiple required> ")
                    .append("<button type=\"submit\">Upload</button><ul id=\"progress\" aria-live=\"polite\"></ul></form>\n");
        }
        h.append("<script src=\"/ui/assets/bills.js\" defer></script>\n");
        List<IntakeItem> items = intake.recent(request.tenant(), 100);
        if (items.isEmpty()) {
            return h.append("<p>No bills through the inbox yet.</p>").toString();
        }
        boolean pending = items.stream().anyMatch(item -> item.state() != IntakeState.DONE && item.state() != IntakeState.FAILED);
        h.append("<h2>Recent bills</h2>\n<table class=\"wide\" id=\"intake\" data-pending=\"").append(pending).append("\"><thead><tr>")
                .append("<th scope=\"col\">file</th><th scope=\"col\">state</th><th scope=\"col\">received</th>")
                .append("<th scope=\"col\" class=\"num\">waited</th><th scope=\"col\" class=\"num\">imported in</th>")
                .append("<th scope=\"col\" class=\"num\">audit</th><th scope=\"col\">reason</th></tr></thead><tbody>");
        for (IntakeItem item : items) {
            h.append("<tr><td>").append(escape(item.file())).append("</td><td class=\"state\">").append(item.state()).append("</td><td>")
                    .append(item.receivedAt()).append("</td><td class=\"num\">").append(millis(item.receivedAt(), item.startedAt()))
                    .append("</td><td class=\"num\">").append(millis(item.startedAt(), item.finishedAt())).append("</td><td class=\"num\">")
                    .append(item.auditRunId() == null ? "" : "<a href=\"/ui/findings\">run " + item.auditRunId() + "</a>").append("</td><td>")
                    .append(escape(item.reason() == null ? "" : item.reason())).append("</td></tr>");
        }
        h.append("</tbody></table>");
        return h.toString();
    }

    private static String millis(Instant from, Instant to) {
        return from == null || to == null ? "" : Duration.between(from, to).toMillis() + " ms";
    }
}
