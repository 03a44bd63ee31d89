package org.bridgeline.http.internal;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bridgeline.core.Json;
import org.bridgeline.store.StoreException;
import org.bridgeline.tenancy.Caller;
import org.bridgeline.tenancy.Role;
import org.bridgeline.tenancy.TenantService;

/**
 * A resource of the API behind a token: 401 without a valid one, 403 when its role may not do
 * what the method does (reads need a viewer's, anything else an operator's), then the resource's
 * answer as JSON, bound to the token's tenant. Errors are JSON too: {@code {"error", "detail"}}.
 */
abstract class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final Logger LOG = Logger.getLogger("org.bridgeline.http");

    private final transient TenantService tenants;

    ApiServlet(TenantService tenants) {
        this.tenants = tenants;
    }

    /** An answer with a status of its own (202 for work accepted, not yet done). */
    record Answer(int status, Object body) {
    }

    /** Sends the resource's answer: JSON, 201 for a POST unless the answer names its status. */
    void answer(HttpServletRequest http, HttpServletResponse response, Object answer) throws IOException {
        if (answer instanceof Answer given) {
            write(response, given.status(), given.body());
        } else {
            write(response, "POST".equals(http.getMethod()) ? 201 : 200, answer);
        }
    }

    /** The role a method needs: reads a viewer's, anything else an operator's. */
    protected Role needs(String method) {
        return "GET".equals(method) || "HEAD".equals(method) ? Role.VIEWER : Role.OPERATOR;
    }

    /** The resource's answer for the caller's tenant: an object Gson writes, or an ApiError. */
    protected abstract Object handle(Caller caller, ApiRequest request) throws ApiError, StoreException;

    @Override
    protected final void service(HttpServletRequest http, HttpServletResponse response) throws IOException {
        try {
            Optional<Caller> caller = tenants.authenticate(bearer(http));
            if (caller.isEmpty()) {
                response.setHeader("WWW-Authenticate", "Bearer realm=\"bridgeline\"");
                throw new ApiError(401, "unauthorized", "a valid API token is required: Authorization: Bearer blt_...");
            }
            Role needed = needs(http.getMethod());
            if (!caller.get().role().allows(needed)) {
                throw new ApiError(403, "forbidden", http.getMethod() + " " + http.getRequestURI() + " needs an operator's token; this one is a "
                        + caller.get().role().label() + "'s");
            }
            answer(http, response, handle(caller.get(), ApiRequest.of(http)));
        } catch (ApiError e) {
            refuse(http, response, e.status, error(e.error, e.getMessage()));
        } catch (StoreException e) {
            // the operator's log says what the store refused; the caller is told the same line
            LOG.log(Level.WARNING, http.getMethod() + " " + http.getRequestURI() + ": " + e.getMessage(), e.getCause());
            refuse(http, response, 503, error("store unavailable", e.getMessage()));
        } catch (IllegalArgumentException e) {
            refuse(http, response, 400, error("bad request", e.getMessage()));
        } catch (RuntimeException e) {
            if (e.getClass().getName().equals("org.eclipse.jetty.http.BadMessageException")) {
                // Jetty refusing a body it cannot parse is the client's mistake (named, not imported: the API knows no server)
                refuse(http, response, 400, error("bad request", e.getMessage()));
                return;
            }
            LOG.log(Level.WARNING, http.getMethod() + " " + http.getRequestURI() + " failed", e);
            refuse(http, response, 500, error("internal error", "the request failed; the runtime's log says why"));
        }
    }

    /**
     * Writes an error answer. A request refused with its body unread (a viewer's upload, a bill too large) ends its
     * connection: the server drops a connection whose body it did not read, and a client told so up front does not
     * send its next request down it.
     */
    private static void refuse(HttpServletRequest http, HttpServletResponse response, int status, Object body) throws IOException {
        if (http.getContentLengthLong() > 0 || http.getHeader("Transfer-Encoding") != null) {
            response.setHeader("Connection", "close");
        }
        write(response, status, body);
    }

    /** The token of an {@code Authorization: Bearer} header, or null. */
    private static String bearer(HttpServletRequest http) {
        String header = http.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
    }

    static Map<String, Object> error(String error, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("detail", detail);
        return body;
    }

    /** Writes the body whole or, when it cannot be written, a 500: never a 200 with half a body. */
    static void write(HttpServletResponse response, int status, Object body) throws IOException {
        String json;
        try {
            json = Json.api().toJson(body);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a response cannot be written as JSON", e);
            status = 500;
            json = Json.api().toJson(error("internal error", "the answer cannot be written; the runtime's log says why"));
        }
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        try (Writer out = response.getWriter()) {
            out.write(json);
        }
    }
}
