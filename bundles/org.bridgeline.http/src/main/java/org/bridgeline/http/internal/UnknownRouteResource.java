package org.bridgeline.http.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Every path under {@code /api/v1} that no resource serves (the longest pattern wins, so this one
 * only takes what the others do not): 404 as JSON, like the API's own errors, rather than the
 * container's page. It reads no token: it says nothing a token would protect.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(UnknownRouteResource.PATTERN)
public final class UnknownRouteResource extends HttpServlet {

    static final String PATTERN = "/api/v1/*";
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiServlet.write(response, 404, ApiServlet.error("not found", "no route " + request.getMethod() + " " + request.getRequestURI()
                + " in the API (see /api/v1/openapi.json)"));
    }
}
