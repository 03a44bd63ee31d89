package org.bridgeline.http.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.time.Instant;
import org.bridgeline.intake.IntakeItem;
import org.bridgeline.intake.IntakeState;
import org.bridgeline.intake.IntakeService;
import org.bridgeline.store.StoreException;
import org.bridgeline.tenancy.Caller;
import org.bridgeline.tenancy.TenantService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletMultipart;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code POST /api/v1/bills}: bills into the tenant's inbox, as multipart files or one raw body named
 * by {@code ?name=}; 202 with each bill's intake id, larger than the configured maximum 413.
 * {@code GET /api/v1/intake} the tenant's recent bills, {@code /intake/{id}} one with its import
 * report once imported and the audit that read it.
 */
@Component(service = Servlet.class, configurationPid = "org.bridgeline.http")
@HttpWhiteboardServletPattern({"/api/v1/bills", "/api/v1/intake/*"})
@HttpWhiteboardServletMultipart(enabled = true, maxFileSize = IntakeResource.DEFAULT_MAX_BYTES, maxRequestSize = 4 * IntakeResource.DEFAULT_MAX_BYTES)
public final class IntakeResource extends ApiServlet {

    private static final long serialVersionUID = 1L;
    static final long DEFAULT_MAX_BYTES = 256L * 1024 * 1024;

    /** Configuration {@code org.bridgeline.http}. */
    public @interface Config {
        /** The largest bill an upload may carry, in bytes. */
        long maxUploadBytes() default DEFAULT_MAX_BYTES;
    }

    private final transient IntakeService intake;
    private final long maxBytes;

    @Activate
    public IntakeResource(@Reference TenantService tenants, @Reference IntakeService intake, Config config) {
        super(tenants);
        this.intake = intake;
        this.maxBytes = config.maxUploadBytes();
    }

    @Override
    protected Object handle(Caller caller, ApiRequest request) throws ApiError, StoreException {
        try {
            boolean bills = request.http().getServletPath().endsWith("/bills");
            if (bills && request.is("POST", 0)) {
                return new Answer(202, new Page<>(upload(caller.tenant(), request).stream().map(Bill::of).toList(), null));
            }
            if (!bills && request.is("GET", 0)) {
                return new Page<>(intake.recent(caller.tenant(), (int) request.number("limit", Page.DEFAULT_LIMIT, 1, Page.MAX_LIMIT))
                        .stream().map(Bill::of).toList(), null);
            }
            if (!bills && request.is("GET", 1)) {
                String id = request.segments().get(0);
                return Bill.of(intake.item(caller.tenant(), id).orElseThrow(() -> ApiError.notFound("intake " + id)));
            }
        } catch (IOException e) {
            throw new StoreException("the inbox cannot be read or written: " + e.getMessage(), e);
        }
        throw ApiError.methodNotAllowed(request.method(), request.path());
    }

    private List<IntakeItem> upload(String tenant, ApiRequest request) throws ApiError, IOException {
        long declared = request.http().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge(declared);
        }
        String type = request.http().getContentType() == null ? "" : request.http().getContentType();
        List<IntakeItem> received = new ArrayList<>();
        try {
            if (type.startsWith("multipart/form-data")) {
                java.util.Collection<Part> parts;
                try {
                    parts = request.http().getParts();
                } catch (IOException e) {
                    throw ApiError.badRequest("the multipart body cannot be read: " + e.getMessage());
                }
                try {
                    for (Part part : parts) {
                        if (part.getSubmittedFileName() != null) {
                            try (InputStream in = part.getInputStream()) {
                                received.add(intake.submit(tenant, part.getSubmittedFileName(), in, maxBytes));
                            }
                        }
                    }
                } finally {
                    delete(parts);
                }
            } else {
                String name = request.parameter("name");
                if (name == null) {
                    throw ApiError.badRequest("a raw upload names its file: POST /api/v1/bills?name=bills.csv (or send multipart/form-data)");
                }
                try (InputStream in = request.http().getInputStream()) {
                    received.add(intake.submit(tenant, name, in, maxBytes));
                }
            }
        } catch (ServletException | IllegalStateException e) {
            // Jetty refuses a multipart body over its limits, or one it cannot read, before a part is stored
            throw e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("max")
                    ? tooLarge(declared) : ApiError.badRequest("the multipart body cannot be read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("the bill is larger") ? tooLarge(declared) : ApiError.badRequest(e.getMessage());
        }
        if (received.isEmpty()) {
            throw ApiError.badRequest("no file in the upload: send each bill as a multipart part with a filename");
        }
        return received;
    }

    /**
     * Deletes the stored parts once the inbox holds its copies: the HTTP whiteboard writes each uploaded
     * file to the temporary folder (commons-fileupload's {@code upload_*.tmp}) and leaves it there.
     */
    private static void delete(java.util.Collection<Part> parts) {
        for (Part part : parts) {
            try {
                part.delete();
            } catch (IOException e) {
                LOG.warning("an uploaded part cannot be deleted from the temporary folder: " + e.getMessage());
            }
        }
    }

    /** A bill as the API tells it: its import report inline, as {@code bl:import --json} prints it. */
    record Bill(String id, String file, IntakeState state, Instant receivedAt, Instant startedAt, Instant finishedAt, int attempts,
            String runtime, Long auditRunId, String reason, JsonElement report) {

        static Bill of(IntakeItem item) {
            return new Bill(item.id(), item.file(), item.state(), item.receivedAt(), item.startedAt(), item.finishedAt(), item.attempts(),
                    item.runtime(), item.auditRunId(), item.reason(), item.reportJson() == null ? null : JsonParser.parseString(item.reportJson()));
        }
    }

    private ApiError tooLarge(long declared) {
        return new ApiError(413, "too large", "a bill may be at most " + maxBytes + " bytes" + (declared > 0 ? "; this upload is " + declared : ""));
    }
}
