package org.bridgeline.http.internal;

import jakarta.servlet.Servlet;
import java.util.List;
import org.bridgeline.core.AuditService;
import org.bridgeline.store.AuditStore;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredFinding;
import org.bridgeline.tenancy.Caller;
import org.bridgeline.tenancy.TenantService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code POST /api/v1/audits} runs every detector (or {@code ?detector=}, {@code ?carrier=}) over the
 * tenant's book and answers the audit report, as {@code bl:audit} prints it; {@code GET /audits/{id}}
 * a stored run's findings, summarised.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/audits/*")
public final class AuditsResource extends ApiServlet {

    private static final long serialVersionUID = 1L;

    /** A stored run: its id and its findings as the findings list shows them. */
    record Run(long runId, int findings, List<FindingsResource.Summary> items) {
    }

    private final transient AuditService auditService;
    private final transient AuditStore audits;

    @Activate
    public AuditsResource(@Reference TenantService tenants, @Reference AuditService auditService, @Reference AuditStore audits) {
        super(tenants);
        this.auditService = auditService;
        this.audits = audits;
    }

    @Override
    protected Object handle(Caller caller, ApiRequest request) throws ApiError, StoreException {
        if (request.is("POST", 0)) {
            return auditService.audit(caller.tenant(), request.parameter("carrier"), request.parameter("detector"), null);
        }
        if (request.is("GET", 1)) {
            long id = request.id(0, "audit");
            List<StoredFinding> findings = audits.findings(caller.tenant(), id);
            boolean latest = audits.latestAuditRun(caller.tenant()).map(run -> run.runId() == id).orElse(false);
            if (findings.isEmpty() && !latest) {
                throw ApiError.notFound("audit " + id);
            }
            return new Run(id, findings.size(), findings.stream().map(FindingsResource.Summary::of).toList());
        }
        throw ApiError.methodNotAllowed(request.method(), request.path());
    }
}
