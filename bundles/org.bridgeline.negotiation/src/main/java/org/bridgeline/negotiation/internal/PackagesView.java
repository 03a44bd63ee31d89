package org.bridgeline.negotiation.internal;

import static org.bridgeline.html.Html.escape;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bridgeline.dashboard.DashboardView;
import org.bridgeline.dashboard.ViewFile;
import org.bridgeline.dashboard.ViewNotFoundException;
import org.bridgeline.dashboard.ViewRequest;
import org.bridgeline.negotiation.PackageService;
import org.bridgeline.tenancy.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The dashboard's packages view, contributed by this bundle: each carrier's package as it is
 * written (its page and files to open or download), and for an operator "write packages now".
 */
@Component(service = DashboardView.class)
public final class PackagesView implements DashboardView {

    private static final Map<String, String> TYPES = Map.of("html", "text/html", "json", "application/json", "csv", "text/csv");

    private final PackageService packages;

    @Activate
    public PackagesView(@Reference PackageService packages) {
        this.packages = packages;
    }

    @Override
    public String id() {
        return "packages";
    }

    @Override
    public String title() {
        return "Packages";
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public Optional<ViewFile> file(ViewRequest request) throws Exception {
        if (request.segments().size() != 2) {
            return Optional.empty();
        }
        String carrier = request.segments().get(0);
        String file = request.segments().get(1);
        Path found = packages.keptFile(request.tenant(), carrier, file)
                .orElseThrow(() -> new ViewNotFoundException("file " + file + " in the package of " + carrier));
        String type = TYPES.getOrDefault(file.substring(file.lastIndexOf('.') + 1), "application/octet-stream");
        return Optional.of(new ViewFile(found, type, !type.equals("text/html")));
    }

    @Override
    public String render(ViewRequest request) throws Exception {
        StringBuilder h = new StringBuilder();
        if (request.method().equals("POST")) {
            try {
                List<PackageService.Written> written = packages.writeKept(request.tenant(), request.parameter("carrier").orElse(null));
                h.append("<p role=\"status\">Written: ").append(written.size()).append(written.size() == 1 ? " package." : " packages.")
                        .append("</p>\n");
                summary(h, written);
            } catch (PackageService.PackageException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        if (request.role().allows(Role.OPERATOR)) {
            h.append("<form method=\"post\" action=\"/ui/packages\"><input type=\"hidden\" name=\"csrf\" value=\"")
                    .append(escape(request.csrfToken())).append("\"><button type=\"submit\" id=\"write-packages\">Write packages now</button>")
                    .append(" <span>from the latest audit, the benchmarks and the procurement policy</span></form>\n");
        }
        List<PackageService.Kept> kept = packages.kept(request.tenant());
        if (kept.isEmpty()) {
            return h.append("<p>No packages written yet.</p>").toString();
        }
        h.append("<h2>Each carrier's package</h2>\n<table class=\"wide\" id=\"packages\"><thead><tr><th scope=\"col\">carrier</th>"
                + "<th scope=\"col\">files</th></tr></thead><tbody>");
        for (PackageService.Kept each : kept) {
            h.append("<tr><th scope=\"row\">");
            if (each.files().contains("package.html")) {
                h.append("<a href=\"").append(href(each.carrier(), "package.html")).append("\">").append(escape(each.carrier())).append("</a>");
            } else {
                h.append(escape(each.carrier()));
            }
            h.append("</th><td>");
            for (String file : each.files()) {
                h.append("<a href=\"").append(href(each.carrier(), file)).append("\">").append(escape(file)).append("</a> ");
            }
            h.append("</td></tr>");
        }
        return h.append("</tbody></table>").toString();
    }

    private static void summary(StringBuilder h, List<PackageService.Written> written) {
        h.append("<table class=\"wide\"><thead><tr><th scope=\"col\">carrier</th><th scope=\"col\" class=\"num\">annual spend</th>"
                + "<th scope=\"col\" class=\"num\">credits owed</th><th scope=\"col\" class=\"num\">expected savings a year</th></tr></thead><tbody>");
        for (PackageService.Written each : written) {
            h.append("<tr><th scope=\"row\">").append(escape(each.carrier())).append("</th><td class=\"num\">")
                    .append(escape(each.currentAnnualSpend())).append("</td><td class=\"num\">").append(escape(each.recoverableCredits()))
                    .append("</td><td class=\"num\">").append(escape(each.expectedAnnualSavings())).append("</td></tr>");
        }
        h.append("</tbody></table>\n");
    }

    private static String href(String carrier, String file) {
        return "/ui/packages/" + escape(java.net.URLEncoder.encode(carrier, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")) + "/"
                + escape(file);
    }
}
