package org.bridgeline.http.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.bridgeline.api.model.Money;
import org.bridgeline.dispute.DisputeLetter;
import org.bridgeline.dispute.DisputeService;
import org.bridgeline.store.DisputeConflictException;
import org.bridgeline.store.DisputeCredit;
import org.bridgeline.store.DisputeRecord;
import org.bridgeline.store.DisputeState;
import org.bridgeline.store.StoreException;
import org.bridgeline.tenancy.Caller;
import org.bridgeline.tenancy.TenantService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code /api/v1/disputes}: the tenant's disputes (viewer), opened, moved on and their proposed
 * credits decided (operator), and each dispute's letter as a page or the portal CSV. What a change
 * is refused for (a state that does not allow it, a finding another open dispute holds) is a 409
 * with the reason; the actor of a change is the token's id.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/v1/disputes/*")
public final class DisputesResource extends ApiServlet {

    private static final long serialVersionUID = 1L;

    /** A dispute in a list. */
    record Summary(long disputeId, String carrier, String account, String state, int findings, Money claimed, Money credited,
            Money outstanding, LocalDate submittedOn, String aging, long proposedCredits, Money costAvoided) {

        static Summary of(DisputeRecord d, LocalDate today) {
            return new Summary(d.disputeId(), d.carrier(), d.account(), d.state().name(), d.findings().size(), d.claimed(), d.credited(),
                    d.outstanding(), d.submittedOn(), d.aging(today),
                    d.credits().stream().filter(c -> c.status() == DisputeCredit.Status.PROPOSED).count(), d.costAvoided(today));
        }
    }

    /** A letter file to send as its own bytes. */
    record Letter(String name, String type, String body) {
    }

    private final transient DisputeService disputes;

    @Activate
    public DisputesResource(@Reference TenantService tenants, @Reference DisputeService disputes) {
        super(tenants);
        this.disputes = disputes;
    }

    @Override
    protected Object handle(Caller caller, ApiRequest request) throws ApiError, StoreException {
        String actor = "token " + caller.tokenId();
        try {
            if (request.is("GET", 0)) {
                String state = request.parameter("state");
                LocalDate today = LocalDate.now(ZoneOffset.UTC);
                List<Summary> list = disputes.disputes(caller.tenant(), state == null ? null : state(state), request.parameter("carrier"))
                        .stream().map(d -> Summary.of(d, today)).toList();
                return Page.of(list, Summary::disputeId, request);
            }
            if (request.is("POST", 0)) {
                JsonObject body = body(request.http());
                LocalDate submitted = day(body, "submittedOn");
                String note = text(body, "note");
                if (body.has("carrier")) {
                    BigDecimal least = body.has("minCredit") ? new BigDecimal(body.get("minCredit").getAsString()) : BigDecimal.ZERO;
                    boolean each = body.has("each") && body.get("each").getAsBoolean();
                    return disputes.openAll(caller.tenant(), body.get("carrier").getAsString(), least, each, note, actor, submitted);
                }
                if (!body.has("findingIds") || !body.get("findingIds").isJsonArray()) {
                    throw ApiError.badRequest("expected {\"findingIds\": [ids of one carrier account]} or {\"carrier\": name}");
                }
                List<Long> ids = new ArrayList<>();
                for (JsonElement id : body.getAsJsonArray("findingIds")) {
                    ids.add(id.getAsLong());
                }
                return List.of(disputes.open(caller.tenant(), ids, note, actor, submitted));
            }
            if (request.segments().isEmpty()) {
                throw ApiError.methodNotAllowed(request.method(), request.path());
            }
            long id = request.id(0, "dispute");
            if (request.is("GET", 1)) {
                return disputes.dispute(caller.tenant(), id).orElseThrow(() -> ApiError.notFound("dispute " + id));
            }
            if (request.is("GET", 2) && request.segments().get(1).matches("letter\\.(html|csv)")) {
                disputes.dispute(caller.tenant(), id).orElseThrow(() -> ApiError.notFound("dispute " + id));
                DisputeLetter letter = disputes.letter(caller.tenant(), id);
                boolean html = request.segments().get(1).endsWith(".html");
                return new Letter(letter.name() + (html ? ".html" : ".csv"), html ? "text/html" : "text/csv", html ? letter.html() : letter.csv());
            }
            if (request.is("POST", 2) && request.segments().get(1).equals("state")) {
                disputes.dispute(caller.tenant(), id).orElseThrow(() -> ApiError.notFound("dispute " + id));
                JsonObject body = body(request.http());
                if (!body.has("state")) {
                    throw ApiError.badRequest("expected {\"state\": \"SUBMITTED\", \"note\": \"...\", \"on\": \"YYYY-MM-DD\"}");
                }
                return disputes.set(caller.tenant(), id, state(body.get("state").getAsString()), text(body, "note"), actor, day(body, "on"));
            }
            if (request.is("POST", 3) && request.segments().get(1).equals("credits")) {
                disputes.dispute(caller.tenant(), id).orElseThrow(() -> ApiError.notFound("dispute " + id));
                int seq = (int) request.id(2, "credit");
                JsonObject body = body(request.http());
                if (!body.has("confirm")) {
                    throw ApiError.badRequest("expected {\"confirm\": true} or {\"confirm\": false}, with an optional \"note\"");
                }
                return disputes.decide(caller.tenant(), id, seq, body.get("confirm").getAsBoolean(), text(body, "note"), actor);
            }
        } catch (DisputeConflictException e) {
            throw new ApiError(409, "conflict", e.getMessage());
        } catch (IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw ApiError.badRequest("the body's fields are not of the expected kinds: " + e.getMessage());
        }
        throw ApiError.methodNotAllowed(request.method(), request.path());
    }

    /** A letter goes out as its own bytes and type; everything else as JSON. */
    @Override
    void answer(HttpServletRequest http, HttpServletResponse response, Object answer) throws IOException {
        if (answer instanceof Letter letter) {
            byte[] bytes = letter.body().getBytes(StandardCharsets.UTF_8);
            response.setStatus(200);
            response.setContentType(letter.type() + "; charset=utf-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + letter.name() + "\"");
            // the page is a document to print, not part of an application: nothing in it may run
            response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        } else {
            super.answer(http, response, answer);
        }
    }

    private static DisputeState state(String text) throws ApiError {
        try {
            return DisputeState.valueOf(text.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("state: expected one of " + java.util.Arrays.toString(DisputeState.values()) + ", found \"" + text + "\"");
        }
    }

    private static JsonObject body(HttpServletRequest http) throws ApiError {
        try (Reader in = http.getReader()) {
            JsonElement body = JsonParser.parseReader(in);
            if (!body.isJsonObject()) {
                throw ApiError.badRequest("expected a JSON object as the body");
            }
            return body.getAsJsonObject();
        } catch (JsonParseException | IOException e) {
            throw ApiError.badRequest("the body is not JSON: " + e.getMessage());
        }
    }

    private static String text(JsonObject body, String field) {
        return body.has(field) && !body.get(field).isJsonNull() ? body.get(field).getAsString() : null;
    }

    private static LocalDate day(JsonObject body, String field) throws ApiError {
        String value = text(body, field);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(field + ": expected a day such as 2026-01-15, found \"" + value + "\"");
        }
    }
}
