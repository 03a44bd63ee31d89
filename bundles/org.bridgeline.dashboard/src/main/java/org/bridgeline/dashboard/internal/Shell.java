package org.bridgeline.dashboard.internal;

import static org.bridgeline.html.Html.escape;

import java.util.List;
import org.bridgeline.dashboard.DashboardView;
import org.bridgeline.tenancy.Caller;

/** The page around every view: its title, landmarks (header, navigation, main), the signed-in tenant and sign-out. */
final class Shell {

    static final String STYLESHEET = "/ui/assets/dashboard.css";

    private Shell() {
    }

    /** A view's page for a signed-in caller; the navigation lists the views the caller's role sees, the current one marked. */
    static String page(String title, String content, Caller caller, String csrf, List<DashboardView> views, String current) {
        StringBuilder nav = new StringBuilder();
        for (DashboardView view : views) {
            nav.append("<li><a href=\"/ui/").append(escape(view.id())).append('"')
                    .append(view.id().equals(current) ? " aria-current=\"page\"" : "").append('>').append(escape(view.title())).append("</a></li>");
        }
        return head(title) + "<body>\n<a class=\"skip\" href=\"#main\">Skip to the content</a>\n"
                + "<header><span class=\"brand\">Bridgeline</span><span class=\"who\">" + escape(caller.tenant()) + " · "
                + escape(caller.role().label()) + "</span>"
                + "<form method=\"post\" action=\"/ui/sign-out\"><input type=\"hidden\" name=\"csrf\" value=\"" + escape(csrf) + "\">"
                + "<button type=\"submit\">Sign out</button></form></header>\n"
                + "<nav aria-label=\"Views\"><ul>" + nav + "</ul></nav>\n"
                + "<main id=\"main\"><h1>" + escape(title) + "</h1>\n" + content + "\n</main>\n</body>\n</html>\n";
    }

    /** A page for a caller not signed in: sign-in, or a refusal. */
    static String plain(String title, String content) {
        return head(title) + "<body>\n<header><span class=\"brand\">Bridgeline</span></header>\n<main id=\"main\"><h1>" + escape(title)
                + "</h1>\n" + content + "\n</main>\n</body>\n</html>\n";
    }

    static String signIn(String problem) {
        return plain("Sign in", (problem == null ? "" : "<p class=\"problem\" role=\"alert\">" + escape(problem) + "</p>")
                + "<form method=\"post\" action=\"/ui/sign-in\" class=\"sign-in\">"
                + "<label for=\"token\">API token</label>"
                + "<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"off\" required placeholder=\"blt_...\">"
                + "<button type=\"submit\">Sign in</button></form>"
                + "<p>An operator issues tokens with <code>bl:token-issue TENANT</code>; the token is exchanged for a session here "
                + "and kept nowhere in the browser.</p>");
    }

    private static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(title) + " · Bridgeline</title><link rel=\"stylesheet\" href=\"" + STYLESHEET + "\"></head>\n";
    }
}
