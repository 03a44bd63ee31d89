package org.bridgeline.dashboard.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bridgeline.core.BookService;
import org.bridgeline.store.BookStore;
import org.bridgeline.dashboard.DashboardView;
import org.bridgeline.dashboard.ViewFile;
import org.bridgeline.dashboard.ViewNotFoundException;
import org.bridgeline.dashboard.ViewRequest;
import org.bridgeline.dashboard.internal.Sessions.Session;
import org.bridgeline.html.Html;
import org.bridgeline.store.StoreException;
import org.bridgeline.tenancy.Caller;
import org.bridgeline.tenancy.Role;
import org.bridgeline.tenancy.TenantService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The dashboard's shell at {@code /} and {@code /ui/*}: sign-in with an API token exchanged for a
 * session cookie ({@code HttpOnly}, {@code SameSite=Strict}, {@code Secure} behind TLS), sign-out,
 * and every registered {@link DashboardView} at {@code /ui/<id>} for the session's tenant, within
 * the page the shell draws. A form that posts must carry the session's CSRF value. Views come and go
 * with their bundles.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/", "/ui/*"})
@HttpWhiteboardServletMultipart(enabled = true, maxFileSize = 256L * 1024 * 1024, maxRequestSize = 1024L * 1024 * 1024)
public final class DashboardServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger("org.bridgeline.dashboard");
    static final String COOKIE = "bl_session";
    static final String HOME = "/ui/overview";
    private static final java.util.Map<String, String> ASSETS = java.util.Map.of(Shell.STYLESHEET, "text/css",
            "/ui/assets/bills.js", "text/javascript");

    private final transient TenantService tenants;
    private final transient BookService books;
    private final transient BookStore store;
    private final transient Sessions sessions = new Sessions(Clock.systemUTC());
    private final transient List<DashboardView> views = new CopyOnWriteArrayList<>();

    @Activate
    public DashboardServlet(@Reference TenantService tenants, @Reference BookService books, @Reference BookStore store) {
        this.tenants = tenants;
        this.books = books;
        this.store = store;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addView(DashboardView view) {
        if (!view.id().matches("[a-z0-9][a-z0-9-]{0,39}") || List.of("sign-in", "sign-out", "assets").contains(view.id())) {
            LOG.warning("dashboard: a view with id \"" + view.id() + "\" is not shown: expected lower-case letters, digits and hyphens");
            return;
        }
        views.add(view);
    }

    void removeView(DashboardView view) {
        views.remove(view);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse answer) throws IOException {
        HttpServletResponse response = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null
                ? new ClosingOnRefusal(answer) : answer;
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on a form post, and the origin check needs it
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Cache-Control", "no-store");
        String path = request.getRequestURI();
        String method = request.getMethod();
        try {
            if (method.equals("POST") && !sameOrigin(request)) {
                // a form posted from another site (a sign-in into someone else's tenant, say) is refused whatever it carries
                html(response, 403, Shell.plain("Refused", "<p>The form was sent from another site.</p>"));
                return;
            }
            boolean toAView = path.startsWith("/ui/") && !path.equals("/ui/sign-in") && !path.equals("/ui/sign-out");
            if (multipart(request) && !toAView) {
                // only a view's form uploads files; anywhere else a multipart body would be stored on disk for nothing
                html(response, 415, Shell.plain("Not accepted", "<p>Only a view's form sends files.</p>"));
                return;
            }
            if (path.equals("/")) {
                redirect(response, HOME);
            } else if (ASSETS.containsKey(path)) {
                asset(response, path);
            } else if (path.equals("/ui/sign-in")) {
                signIn(request, response);
            } else if (path.equals("/ui/sign-out") && method.equals("POST")) {
                signOut(request, response);
            } else if (path.startsWith("/ui/")) {
                view(request, response, path.substring(4));
            } else {
                html(response, 404, Shell.plain("Not found", "<p>Nothing at " + Html.escape(path) + ". <a href=\"/\">The dashboard</a></p>"));
            }
        } catch (StoreException e) {
            LOG.warning("dashboard: " + e.getMessage());
            html(response, 503, Shell.plain("Unavailable", "<p>The store cannot be reached; try again shortly.</p>"));
        }
    }

    private void signIn(HttpServletRequest request, HttpServletResponse response) throws IOException, StoreException {
        if (!request.getMethod().equals("POST")) {
            html(response, 200, Shell.signIn(null));
            return;
        }
        Optional<Caller> caller = tenants.authenticate(Optional.ofNullable(request.getParameter("token")).orElse("").strip());
        if (caller.isEmpty()) {
            html(response, 401, Shell.signIn("That token is not valid: it may be mistyped, revoked or expired."));
            return;
        }
        String id = sessions.start(caller.get());
        response.addHeader("Set-Cookie", COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict" + (secure(request) ? "; Secure" : ""));
        LOG.info("dashboard: signed in for " + caller.get().tenant() + " as " + caller.get().role().label() + " with token "
                + caller.get().tokenId());
        redirect(response, HOME);
    }

    private void signOut(HttpServletRequest request, HttpServletResponse response) throws IOException, StoreException {
        Optional<Session> session = session(request);
        if (session.isPresent() && Sessions.csrfMatches(session.get(), request.getParameter("csrf"))) {
            sessions.end(cookie(request));
        }
        response.addHeader("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure(request) ? "; Secure" : ""));
        redirect(response, "/ui/sign-in");
    }

    private void view(HttpServletRequest request, HttpServletResponse response, String rest) throws IOException, StoreException {
        Optional<Session> found = session(request);
        if (found.isEmpty()) {
            redirect(response, "/ui/sign-in");
            return;
        }
        Session session = found.get();
        Caller caller = session.caller();
        List<String> segments = Arrays.stream(rest.split("/")).filter(segment -> !segment.isEmpty()).toList();
        List<DashboardView> visible = views.stream().filter(view -> caller.role().allows(view.role()))
                .sorted(Comparator.comparingInt(DashboardView::order).thenComparing(DashboardView::id)).toList();
        Optional<DashboardView> view = segments.isEmpty() ? Optional.empty()
                : views.stream().filter(each -> each.id().equals(segments.get(0))).findFirst();
        if (view.isEmpty()) {
            html(response, 404, Shell.page("Not found", "<p>No such view.</p>", caller, session.csrf(), visible, null));
            return;
        }
        if (!caller.role().allows(view.get().role())) {
            html(response, 403, Shell.page("Not for this role", "<p>" + Html.escape(view.get().title()) + " needs an operator's token.</p>",
                    caller, session.csrf(), visible, null));
            return;
        }
        if (request.getMethod().equals("POST") && !caller.role().allows(Role.OPERATOR)) {
            html(response, 403, Shell.page("Not for this role", "<p>Changing anything needs an operator's token.</p>", caller, session.csrf(),
                    visible, null));
            return;
        }
        try {
            respond(request, response, view.get(), caller, session, visible, segments);
        } finally {
            deleteUploads(request);
        }
    }

    private void respond(HttpServletRequest request, HttpServletResponse response, DashboardView view, Caller caller, Session session,
            List<DashboardView> visible, List<String> segments) throws IOException {
        // reading the CSRF field of a multipart form stores its files; the caller deletes them whatever the answer
        if (request.getMethod().equals("POST") && !Sessions.csrfMatches(session, request.getParameter("csrf"))) {
            html(response, 403, Shell.page("Refused", "<p>The form was not sent from this session's page; reload the page and send it again.</p>",
                    caller, session.csrf(), visible, null));
            return;
        }
        try {
            ViewRequest asked = new Asked(caller, request.getMethod(), segments.subList(1, segments.size()), request, session.csrf(),
                    files(request), books, store);
            Optional<ViewFile> file = request.getMethod().equals("GET") ? view.file(asked) : Optional.empty();
            if (file.isPresent()) {
                send(response, file.get());
                return;
            }
            html(response, 200, Shell.page(view.title(), view.render(asked), caller, session.csrf(), visible, view.id()));
        } catch (ViewNotFoundException e) {
            html(response, 404, Shell.page("Not found", "<p>" + Html.escape(e.getMessage()) + "</p>", caller, session.csrf(), visible, null));
        } catch (IllegalArgumentException e) {
            html(response, 400, Shell.page(view.title(), "<p class=\"problem\" role=\"alert\">" + Html.escape(e.getMessage()) + "</p>",
                    caller, session.csrf(), visible, view.id()));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "dashboard: view " + view.id() + " failed for " + caller.tenant(), e);
            html(response, 500, Shell.page(view.title(), "<p class=\"problem\" role=\"alert\">This view failed; the runtime's log says why.</p>",
                    caller, session.csrf(), visible, view.id()));
        }
    }

    /** A view's request, the tenant and role from the session. */
    private record Asked(Caller caller, String method, List<String> segments, HttpServletRequest http, String csrfToken,
            List<UploadedFile> files, BookService books, BookStore store) implements ViewRequest {

        @Override
        public org.bridgeline.api.detect.BookOfBusiness book() {
            return books.book(caller.tenant(), null);
        }

        @Override
        public String bookRevision() throws org.bridgeline.store.StoreException {
            return store.ledger(caller.tenant()).revision();
        }

        @Override
        public String tenant() {
            return caller.tenant();
        }

        @Override
        public Role role() {
            return caller.role();
        }

        @Override
        public Optional<String> parameter(String name) {
            return Optional.ofNullable(http.getParameter(name)).filter(value -> !value.isBlank());
        }
    }

    private static boolean multipart(HttpServletRequest request) {
        String type = request.getContentType();
        return request.getMethod().equals("POST") && type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    /** The file parts of a multipart POST; a body Jetty cannot read is the caller's error, said as such. */
    private static List<ViewRequest.UploadedFile> files(HttpServletRequest request) throws IOException {
        if (!multipart(request)) {
            return List.of();
        }
        try {
            return request.getParts().stream().filter(part -> part.getSubmittedFileName() != null)
                    .map(part -> (ViewRequest.UploadedFile) new ViewRequest.UploadedFile() {
                        public String name() {
                            return part.getSubmittedFileName();
                        }

                        public InputStream open() throws IOException {
                            return part.getInputStream();
                        }
                    }).toList();
        } catch (jakarta.servlet.ServletException | IllegalStateException e) {
            throw new IllegalArgumentException("the upload cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Deletes the request's stored parts: the HTTP whiteboard writes each uploaded file to the temporary
     * folder (commons-fileupload's {@code upload_*.tmp}) and leaves it there when the request ends.
     */
    private static void deleteUploads(HttpServletRequest request) {
        if (!multipart(request)) {
            return;
        }
        try {
            for (Part part : request.getParts()) {
                part.delete();
            }
        } catch (IOException | jakarta.servlet.ServletException | IllegalStateException e) {
            // a body that could not be read stored nothing: the upload's parser deletes what it wrote when it fails
            LOG.fine("dashboard: no uploaded parts to delete: " + e.getMessage());
        }
    }

    /**
     * The live session of the request's cookie, ended when the token that signed it in has been
     * revoked or has expired since: a token's end reaches its sessions on their next request.
     */
    private Optional<Session> session(HttpServletRequest request) throws StoreException {
        Optional<Session> session = sessions.find(cookie(request));
        if (session.isPresent()) {
            Caller caller = session.get().caller();
            java.time.Instant now = java.time.Instant.now();
            boolean active = tenants.tokens(caller.tenant()).stream()
                    .anyMatch(token -> token.tokenId().equals(caller.tokenId()) && token.activeAt(now));
            if (!active) {
                sessions.end(cookie(request));
                LOG.info("dashboard: a session of " + caller.tenant() + " ended with its token " + caller.tokenId());
                return Optional.empty();
            }
        }
        return session;
    }

    /**
     * Whether a POST comes from a page of this server: its Origin, when the browser sends one, names
     * the host it was sent to (the Host header, or behind a proxy the X-Forwarded-Host it passes on).
     */
    private static boolean sameOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true; // not a browser's cross-site form (browsers send Origin on every POST); the session cookie is SameSite=Strict
        }
        for (String host : new String[] {request.getHeader("Host"), request.getHeader("X-Forwarded-Host")}) {
            if (host != null && (origin.equals("http://" + host) || origin.equals("https://" + host))) {
                return true;
            }
        }
        return false;
    }

    private static String cookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        return Arrays.stream(request.getCookies()).filter(cookie -> cookie.getName().equals(COOKIE)).map(Cookie::getValue).findFirst()
                .orElse(null);
    }

    /** Behind a TLS proxy the request arrives as plain HTTP: the proxy's header tells. */
    private static boolean secure(HttpServletRequest request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }

    private static void redirect(HttpServletResponse response, String to) {
        response.setStatus(303);
        response.setHeader("Location", to);
    }

    /** A file of the bundle the pages use: its content type by name; only these are served. */
    private static void asset(HttpServletResponse response, String path) throws IOException {
        response.setContentType(ASSETS.get(path));
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "max-age=3600");
        try (InputStream content = DashboardServlet.class.getResourceAsStream(path.substring(path.lastIndexOf('/') + 1))) {
            content.transferTo(response.getOutputStream());
        }
    }

    /** A view's file as it is: no script runs in it, whatever it holds (a package page has its own inline style and SVG). */
    private static void send(HttpServletResponse response, ViewFile file) throws IOException {
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'");
        response.setStatus(200);
        response.setContentType(file.contentType());
        response.setHeader("Content-Disposition", (file.download() ? "attachment" : "inline") + "; filename=\""
                + file.path().getFileName().toString().replace("\"", "") + "\"");
        response.setContentLengthLong(java.nio.file.Files.size(file.path()));
        java.nio.file.Files.copy(file.path(), response.getOutputStream());
    }

    private static void html(HttpServletResponse response, int status, String page) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try (Writer out = response.getWriter()) {
            out.write(page);
        }
    }

    /**
     * The response to a request with a body, which a refusal may leave unread: Jetty then drops the connection once the
     * answer is sent, so the answer says so, or a client would send its next request down the dropped connection.
     */
    private static final class ClosingOnRefusal extends HttpServletResponseWrapper {

        ClosingOnRefusal(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            if (status >= 400) {
                setHeader("Connection", "close");
            }
            super.setStatus(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            setHeader("Connection", "close");
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            setHeader("Connection", "close");
            super.sendError(status);
        }
    }
}
