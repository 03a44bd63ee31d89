package org.bridgeline.http.internal;

import jakarta.servlet.Servlet;
import java.util.List;
import org.bridgeline.core.RuntimeHealth;
import org.bridgeline.tenancy.Caller;
import org.bridgeline.tenancy.Role;
import org.bridgeline.tenancy.TenantService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code GET /api/v1/status}, for operators: uptime, bundles, plugins, the store, and every problem with its cause. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/status")
public final class StatusResource extends ApiServlet {

    private static final long serialVersionUID = 1L;

    record Status(RuntimeHealth.Status runtime, List<RuntimeHealth.Problem> problems) {
    }

    private final transient RuntimeHealth health;

    @Activate
    public StatusResource(@Reference TenantService tenants, @Reference RuntimeHealth health) {
        super(tenants);
        this.health = health;
    }

    @Override
    protected Role needs(String method) {
        return Role.OPERATOR;
    }

    @Override
    protected Object handle(Caller caller, ApiRequest request) throws ApiError {
        if (!request.is("GET", 0)) {
            throw ApiError.methodNotAllowed(request.method(), request.path());
        }
        return new Status(health.status(), health.problems());
    }
}
