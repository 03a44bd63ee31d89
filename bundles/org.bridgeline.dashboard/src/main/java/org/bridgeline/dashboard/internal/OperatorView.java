package org.bridgeline.dashboard.internal;

import static org.bridgeline.html.Html.escape;

import java.time.Instant;
import org.bridgeline.core.PluginInfo;
import org.bridgeline.core.PluginRegistry;
import org.bridgeline.core.RuntimeHealth;
import org.bridgeline.dashboard.DashboardView;
import org.bridgeline.dashboard.ViewRequest;
import org.bridgeline.features.FeatureService;
import org.bridgeline.store.TokenRecord;
import org.bridgeline.tenancy.Role;
import org.bridgeline.tenancy.TenantService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * For an operator: the runtime's health, its plugins (kind, version, state, the reason a plugin
 * failed) and features, and the tenant's own API tokens (never another tenant's, nor any secret).
 */
@Component(service = DashboardView.class)
public final class OperatorView implements DashboardView {

    private final RuntimeHealth health;
    private final PluginRegistry plugins;
    private final FeatureService features;
    private final TenantService tenants;

    @Activate
    public OperatorView(@Reference RuntimeHealth health, @Reference PluginRegistry plugins, @Reference FeatureService features,
            @Reference TenantService tenants) {
        this.health = health;
        this.plugins = plugins;
        this.features = features;
        this.tenants = tenants;
    }

    @Override
    public String id() {
        return "operator";
    }

    @Override
    public String title() {
        return "Operator";
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public Role role() {
        return Role.OPERATOR;
    }

    @Override
    public String render(ViewRequest request) throws Exception {
        StringBuilder h = new StringBuilder();
        RuntimeHealth.Status status = health.status();
        var problems = health.problems();
        h.append("<h2>Health</h2>\n<p id=\"health\">").append(problems.isEmpty() ? "Ready" : "Not ready: " + problems.size() + " problems")
                .append(", up ").append(escape(status.uptime().withNanos(0).toString().substring(2).toLowerCase(java.util.Locale.ROOT)))
                .append(", ").append(status.activeBundles()).append(" of ").append(status.bundles()).append(" bundles active, store ")
                .append(escape(status.database())).append(".</p>\n");
        if (!problems.isEmpty()) {
            h.append("<ul class=\"problem\">");
            problems.forEach(problem -> h.append("<li>").append(escape(problem.bundle())).append(' ').append(escape(problem.component()))
                    .append(": ").append(escape(problem.reason())).append("</li>"));
            h.append("</ul>\n");
        }
        h.append("<h2>Plugins</h2>\n<table class=\"wide\" id=\"plugins\"><thead><tr><th scope=\"col\">kind</th><th scope=\"col\">id</th>"
                + "<th scope=\"col\">version</th><th scope=\"col\">state</th><th scope=\"col\">bundle</th><th scope=\"col\">problem</th>"
                + "</tr></thead><tbody>");
        for (PluginInfo plugin : plugins.plugins()) {
            h.append("<tr><td>").append(escape(plugin.kind())).append("</td><td>").append(escape(plugin.id())).append("</td><td>")
                    .append(escape(plugin.version())).append("</td><td>").append(escape(plugin.state())).append("</td><td>")
                    .append(escape(plugin.bundle())).append("</td><td>").append(escape(plugin.problem() == null ? "" : plugin.problem()))
                    .append("</td></tr>");
        }
        h.append("</tbody></table>\n<h2>Features</h2>\n<table class=\"wide\" id=\"features\"><thead><tr><th scope=\"col\">feature</th>"
                + "<th scope=\"col\">installed</th><th scope=\"col\">what it adds</th></tr></thead><tbody>");
        for (FeatureService.FeatureStatus feature : features.features()) {
            h.append("<tr><td>").append(escape(feature.feature().name())).append("</td><td>").append(feature.installed() ? "yes" : "no")
                    .append("</td><td>").append(escape(feature.feature().description())).append("</td></tr>");
        }
        h.append("</tbody></table>\n<h2>Tokens of ").append(escape(request.tenant())).append("</h2>\n")
                .append("<table class=\"wide\" id=\"tokens\"><thead><tr><th scope=\"col\">id</th><th scope=\"col\">role</th>"
                        + "<th scope=\"col\">state</th><th scope=\"col\">issued</th><th scope=\"col\">expires</th><th scope=\"col\">last used</th>"
                        + "</tr></thead><tbody>");
        Instant now = Instant.now();
        for (TokenRecord token : tenants.tokens(request.tenant())) {
            String state = token.revokedAt() != null ? "revoked" : token.activeAt(now) ? "active" : "expired";
            h.append("<tr><td>").append(escape(token.tokenId())).append("</td><td>").append(escape(token.role())).append("</td><td>")
                    .append(state).append("</td><td>").append(token.createdAt()).append("</td><td>")
                    .append(token.expiresAt() == null ? "never" : token.expiresAt()).append("</td><td>")
                    .append(token.lastUsedAt() == null ? "" : token.lastUsedAt()).append("</td></tr>");
        }
        h.append("</tbody></table>\n<p>Tokens are issued and revoked at the runtime's console (<code>bl:token-issue</code>, "
                + "<code>bl:token-revoke</code>).</p>");
        return h.toString();
    }
}
