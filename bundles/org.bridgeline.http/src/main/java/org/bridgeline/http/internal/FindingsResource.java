package org.bridgeline.http.internal;

import jakarta.servlet.Servlet;
import java.math.BigDecimal;
import java.util.List;
import org.bridgeline.api.model.Money;
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
 * {@code GET /api/v1/findings}: the latest audit's findings, filtered as the console filters them
 * (kind, carrier, minImpact annual), paged by id, without their evidence; {@code /findings/{id}}
 * one finding with its evidence lines and their source positions.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/findings/*")
public final class FindingsResource extends ApiServlet {

    private static final long serialVersionUID = 1L;

    /** A finding in a list: what it is and what it is worth; its evidence is one request away. */
    record Summary(long findingId, long runId, String kind, String detectorId, String severity, String carrier, String serviceId,
            Money monthlyImpact, Money annualImpact, Money recoverable, String action, int evidenceLines, String explanation) {

        static Summary of(StoredFinding stored) {
            var f = stored.finding();
            return new Summary(stored.findingId(), stored.runId(), f.kind(), f.detectorId(), f.severity().name(), f.carrier(), f.serviceId(),
                    f.monthlyImpact(), f.annualImpact(), f.recoverable(), f.action().name(), f.evidence().size(), f.explanation());
        }
    }

    private final transient AuditStore audits;

    @Activate
    public FindingsResource(@Reference TenantService tenants, @Reference AuditStore audits) {
        super(tenants);
        this.audits = audits;
    }

    @Override
    protected Object handle(Caller caller, ApiRequest request) throws ApiError, StoreException {
        if (request.is("GET", 0)) {
            var latest = audits.latestAuditRun(caller.tenant());
            if (latest.isEmpty()) {
                return new Page<>(List.of(), null);
            }
            String kind = request.parameter("kind");
            String carrier = request.parameter("carrier");
            BigDecimal minImpact = decimal(request.parameter("minImpact"));
            List<Summary> findings = audits.findings(caller.tenant(), latest.get().runId()).stream()
                    .filter(f -> kind == null || kind.equals(f.finding().kind()))
                    .filter(f -> carrier == null || carrier.equals(f.finding().carrier()))
                    .filter(f -> minImpact == null || f.finding().annualImpact().amount().compareTo(minImpact) >= 0)
                    .map(Summary::of).toList();
            return Page.of(findings, Summary::findingId, request);
        }
        if (request.is("GET", 1)) {
            long id = request.id(0, "finding");
            return audits.finding(caller.tenant(), id).orElseThrow(() -> ApiError.notFound("finding " + id));
        }
        throw ApiError.methodNotAllowed(request.method(), request.path());
    }

    private static BigDecimal decimal(String value) throws ApiError {
        try {
            return value == null ? null : new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("parameter \"minImpact\": expected an amount such as 1200.00, found \"" + value + "\"");
        }
    }
}
