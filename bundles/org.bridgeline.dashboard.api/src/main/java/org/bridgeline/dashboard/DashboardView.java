package org.bridgeline.dashboard;

import org.bridgeline.tenancy.Role;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A view of the dashboard, contributed as a service. Its address is {@code /ui/<id>}, and what
 * follows the id ({@code /ui/findings/42}) is the view's own to read. The shell draws the page
 * around it: title, landmarks, navigation, the signed-in tenant, sign-out.
 */
@ConsumerType
public interface DashboardView {

    /** Lower-case letters, digits and hyphens, unique among views: {@code overview}, {@code market-position}. */
    String id();

    /** Its name in the navigation and the page's title. */
    String title();

    /** Its place in the navigation, lower first (the core views use 100, 200, ...). */
    int order();

    /** The least role that sees it: a viewer is shown no view that needs an operator. */
    default Role role() {
        return Role.VIEWER;
    }

    /**
     * The view's main content for the caller, as HTML (escaped with {@code org.bridgeline.html.Html}). A form that posts
     * back carries {@link ViewRequest#csrfToken()} in a field named {@code csrf}.
     *
     * @throws ViewNotFoundException when what the request names is not the tenant's (404, as for what never existed)
     * @throws IllegalArgumentException when a parameter is wrong: shown to the caller as its message
     */
    String render(ViewRequest request) throws Exception;

    /**
     * A file the view offers at an address below its own ({@code /ui/packages/acme/package.csv}),
     * asked before {@link #render} on a GET: when present it is sent as it is; empty (the default)
     * for a request that names no file.
     *
     * @throws ViewNotFoundException when the request names a file that is not the tenant's
     */
    default java.util.Optional<ViewFile> file(ViewRequest request) throws Exception {
        return java.util.Optional.empty();
    }
}
