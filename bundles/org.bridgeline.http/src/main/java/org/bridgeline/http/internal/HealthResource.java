package org.bridgeline.http.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.bridgeline.core.RuntimeHealth;
import org.bridgeline.store.ImportStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/v1/health}, the one route without a token (for load balancers and probes): up,
 * ready (every bundle and component well), and whether the store can be used: an embedded store that
 * opens at first use opens for the first probe, so a probe finds a database that cannot open; once
 * it has opened, probes neither reopen it nor keep it from closing while unused. It names no tenant
 * and no data; 503 when not ready.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/health")
public final class HealthResource extends HttpServlet {

    private static final long serialVersionUID = 1L;

    record Health(String status, boolean ready, boolean storeOpen, int problems) {
    }

    private final transient RuntimeHealth health;
    private final transient ImportStore store;

    @Activate
    public HealthResource(@Reference RuntimeHealth health, @Reference ImportStore store) {
        this.health = health;
        this.store = store;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int problems = health.problems().size();
        boolean storeOpen = store.ready();
        boolean ready = problems == 0 && storeOpen;
        ApiServlet.write(response, ready ? 200 : 503, new Health("up", ready, storeOpen, problems));
    }
}
