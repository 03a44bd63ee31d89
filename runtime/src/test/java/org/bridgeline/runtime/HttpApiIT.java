package org.bridgeline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP API of a running runtime, as a client on another machine sees it: tokens from the
 * console, two tenants with data of their own, every route walked with each tenant's token, with
 * none, with a wrong one, with a viewer's where an operator's is needed.
 */
class HttpApiIT {

    @TempDir
    static Path home;
    static int port;
    static String acmeOperator;
    static String acmeViewer;
    static String bravoOperator;
    static String carolOperator;
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startARuntimeServingTwoTenants() throws Exception {
        TestDistribution.copyTo(home);
        port = HostedSetup.freeHttpPort(home);
        Path enterprise = home.resolve("enterprise");
        BinBridgeline.Result setup = BinBridgeline.run(home, "exec", "bl:feature-install http", "bl:tenant-add acme", "bl:tenant-add bravo",
                "bl:tenant-add carol", "bl:token-issue acme --role operator", "bl:token-issue acme", "bl:token-issue bravo --role operator",
                "bl:token-issue carol --role operator",
                "bl:enterprise generate " + enterprise + " --sites 6", "bl:import " + enterprise.resolve("bills") + " --tenant acme",
                "bl:contract-import " + enterprise.resolve("contracts.json") + " --tenant acme", "bl:audit --tenant acme");
        assertEquals(0, setup.status(), setup.err() + setup.out());
        List<String> tokens = HostedSetup.tokens(setup.out(), 4);
        acmeOperator = tokens.get(0);
        acmeViewer = tokens.get(1);
        bravoOperator = tokens.get(2);
        carolOperator = tokens.get(3);
        BinBridgeline.Result start = BinBridgeline.run(home, "start");
        assertEquals(0, start.status(), start.err());
        for (int i = 0; i < 100 && get("/api/v1/health", null).statusCode() != 200; i++) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        BinBridgeline.run(home, "stop");
        TestDistribution.keepLog(home, "HttpApiIT");
    }

    static HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, token);
    }

    static HttpResponse<String> send(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            throw new AssertionError("nothing listens on " + port + ": " + Files.readString(home.resolve("log/bridgeline.log")), e);
        }
    }

    /** Bills as a browser or curl -F sends them: one multipart part per file. */
    static HttpResponse<String> upload(String token, List<Path> files) throws Exception {
        MultipartBody body = MultipartBody.of(files);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/bills")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), response.toString());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    @Test
    void healthNeedsNoTokenAndSaysNothingOfAnyTenant() throws Exception {
        HttpResponse<String> health = get("/api/v1/health", null);
        assertEquals(200, health.statusCode(), health.body());
        JsonObject body = json(health);
        assertEquals("up", body.get("status").getAsString());
        assertTrue(body.get("ready").getAsBoolean() && body.get("storeOpen").getAsBoolean(), health.body());
        assertFalse(health.body().contains("acme"));
        HttpResponse<String> document = get("/api/v1/openapi.json", null);
        assertEquals(200, document.statusCode());
        assertEquals("3.0.3", json(document).get("openapi").getAsString());
    }

    /** Jetty logs through slf4j, whose provider is found without a ServiceLoader mediator in the framework. */
    @Test
    void jettyLogsIntoTheRuntimesLog() throws Exception {
        String log = Files.readString(home.resolve("log/bridgeline.log"));
        assertTrue(log.contains("org.eclipse.jetty.server.Server: jetty-12"), log);
        assertFalse(log.contains("SLF4J"), log);
    }

    /**
     * Every route the OpenAPI document names, walked with no token, a malformed, a wrong, a revoked
     * and an expired one (401 each, the same answer for all), and with a viewer's where the document
     * says an operator's is needed (403).
     */
    @Test
    void everyDocumentedRouteRefusesEveryBadTokenAndAViewerWhereAnOperatorIsNeeded() throws Exception {
        String wrong = acmeOperator.substring(0, acmeOperator.length() - 2) + (acmeOperator.endsWith("AA") ? "BB" : "AA");
        BinBridgeline.Result issued = BinBridgeline.run(home, "client", "bl:token-issue acme --role operator",
                "bl:token-issue acme --role operator --expires 1s");
        assertEquals(0, issued.status(), issued.err() + issued.out());
        Matcher tokens = Pattern.compile("(?m)^blt_([0-9a-f]{16})_[A-Za-z0-9_-]{43}$").matcher(issued.out());
        assertTrue(tokens.find());
        String revoked = tokens.group();
        assertEquals(0, BinBridgeline.run(home, "client", "bl:token-revoke " + tokens.group(1)).status());
        assertTrue(tokens.find());
        String expired = tokens.group();
        Thread.sleep(1100);

        JsonObject document = json(get("/api/v1/openapi.json", null));
        int routes = 0;
        for (var path : document.getAsJsonObject("paths").entrySet()) {
            String concrete = "/api/v1" + path.getKey().replace("{id}", "1").replace("{carrier}", "acme-telecom")
                    .replace("{file}", "package.html").replace("{input}", "contracts").replace("{seq}", "1");
            for (var operation : path.getValue().getAsJsonObject().entrySet()) {
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                String summary = operation.getValue().getAsJsonObject().get("summary").getAsString();
                String route = method + " " + concrete;
                routes++;
                if (summary.contains("no token")) {
                    assertEquals(200, send(method, concrete, null).statusCode(), route);
                    continue;
                }
                for (String token : new String[] {null, "not-a-token", wrong, revoked, expired}) {
                    HttpResponse<String> refused = send(method, concrete, token);
                    assertEquals(401, refused.statusCode(), route + " with " + token + ": " + refused.body());
                    assertEquals("unauthorized", json(refused).get("error").getAsString(), route);
                    assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"), route);
                }
                if (summary.startsWith("operator:")) {
                    HttpResponse<String> forbidden = send(method, concrete, acmeViewer);
                    assertEquals(403, forbidden.statusCode(), route + " as a viewer: " + forbidden.body());
                    assertTrue(json(forbidden).get("detail").getAsString().contains("needs an operator's token"), forbidden.body());
                } else {
                    assertTrue(List.of(200, 404).contains(send(method, concrete, acmeViewer).statusCode()), route + " reads as a viewer");
                }
            }
        }
        assertTrue(routes >= 16, "routes walked: " + routes);
    }

    @Test
    void aViewerReadsButNeitherAuditsNorSeesTheStatus() throws Exception {
        assertEquals(200, get("/api/v1/invoices", acmeViewer).statusCode());
        HttpResponse<String> audit = send("POST", "/api/v1/audits", acmeViewer);
        assertEquals(403, audit.statusCode(), audit.body());
        assertTrue(json(audit).get("detail").getAsString().contains("needs an operator's token"), audit.body());
        assertEquals(403, get("/api/v1/status", acmeViewer).statusCode());
        HttpResponse<String> status = get("/api/v1/status", acmeOperator);
        assertEquals(200, status.statusCode(), status.body());
        assertTrue(json(status).getAsJsonObject("runtime").get("uptime").getAsString().startsWith("PT"), status.body());
        assertEquals(0, json(status).getAsJsonArray("problems").size(), status.body());
    }

    @Test
    void aTenantReadsItsOwnDataAndAnotherTenantsObjectsAreNotFound() throws Exception {
        JsonObject invoices = json(get("/api/v1/invoices?limit=5", acmeViewer));
        assertEquals(5, invoices.getAsJsonArray("items").size());
        assertFalse(invoices.get("next").isJsonNull(), "more than one page");
        JsonObject second = json(get("/api/v1/invoices?limit=5&after=" + invoices.get("next").getAsString(), acmeViewer));
        assertFalse(second.getAsJsonArray("items").get(0).getAsJsonObject().get("invoiceId")
                .equals(invoices.getAsJsonArray("items").get(0).getAsJsonObject().get("invoiceId")), "the next page is another");
        long invoiceId = invoices.getAsJsonArray("items").get(0).getAsJsonObject().get("invoiceId").getAsLong();
        JsonObject lines = json(get("/api/v1/invoices/" + invoiceId + "/lines?limit=3", acmeViewer));
        JsonObject line = lines.getAsJsonArray("items").get(0).getAsJsonObject().getAsJsonObject("charge");
        assertTrue(line.getAsJsonObject("source").get("file").getAsString().length() > 0, "lines cite their source: " + line);
        assertTrue(line.get("amount").getAsString().matches("-?\\d+(\\.\\d+)? [A-Z]{3}"), line.toString());

        JsonObject findings = json(get("/api/v1/findings?limit=1000", acmeViewer));
        assertTrue(findings.getAsJsonArray("items").size() > 10, findings.toString());
        JsonObject withEvidence = null;
        for (JsonElement item : findings.getAsJsonArray("items")) {
            if (withEvidence == null && item.getAsJsonObject().get("evidenceLines").getAsInt() > 0) {
                withEvidence = item.getAsJsonObject();
            }
        }
        assertTrue(withEvidence != null, "a finding that cites lines: " + findings);
        long findingId = withEvidence.get("findingId").getAsLong();
        long runId = withEvidence.get("runId").getAsLong();
        JsonObject finding = json(get("/api/v1/findings/" + findingId, acmeViewer));
        assertEquals(withEvidence.get("evidenceLines").getAsInt(), finding.getAsJsonObject("finding").getAsJsonArray("evidence").size());
        assertTrue(finding.getAsJsonObject("finding").getAsJsonArray("evidence").get(0).getAsJsonObject().getAsJsonObject("source")
                .get("record").getAsLong() > 0, "evidence with its source position: " + finding);

        // tenant bravo: none of acme's data, and acme's objects are as absent as objects that never were
        assertEquals(0, json(get("/api/v1/invoices", bravoOperator)).getAsJsonArray("items").size());
        assertEquals(0, json(get("/api/v1/findings", bravoOperator)).getAsJsonArray("items").size());
        for (String path : List.of("/api/v1/invoices/" + invoiceId, "/api/v1/invoices/" + invoiceId + "/lines",
                "/api/v1/findings/" + findingId, "/api/v1/audits/" + runId, "/api/v1/invoices/999999", "/api/v1/findings/999999")) {
            HttpResponse<String> absent = get(path, bravoOperator);
            assertEquals(404, absent.statusCode(), path + ": " + absent.body());
            assertEquals("not found", json(absent).get("error").getAsString());
        }
        assertEquals(200, get("/api/v1/audits/" + runId, acmeViewer).statusCode());
    }

    @Test
    void anOperatorAuditsOverHttpAndBadParametersAreNamed() throws Exception {
        HttpResponse<String> audit = send("POST", "/api/v1/audits", bravoOperator);
        assertEquals(201, audit.statusCode(), audit.body());
        JsonElement runId = json(audit).get("runId");
        assertEquals(0, json(audit).get("findings").getAsLong(), "bravo's empty book has nothing to find");
        assertEquals(200, get("/api/v1/audits/" + runId.getAsLong(), bravoOperator).statusCode());
        HttpResponse<String> bad = get("/api/v1/invoices?limit=0", acmeViewer);
        assertEquals(400, bad.statusCode());
        assertEquals("parameter \"limit\": expected a whole number from 1 to 1000, found \"0\"", json(bad).get("detail").getAsString());
        assertEquals(405, send("DELETE", "/api/v1/invoices", acmeOperator).statusCode());
        HttpResponse<String> unknown = get("/api/v1/nothing-here", acmeViewer);
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals("not found", json(unknown).get("error").getAsString(), "an unknown route answers as the API does");
        HttpRequest malformed = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/bills"))
                .header("Authorization", "Bearer " + acmeOperator).header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString("--xyz\r\nthis is not a part")).build();
        HttpResponse<String> refused = CLIENT.send(malformed, HttpResponse.BodyHandlers.ofString());
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("bad request", json(refused).get("error").getAsString());
        assertEquals(0, json(get("/api/v1/intake", acmeOperator)).getAsJsonArray("items").size(), "nothing kept of it");
        assertEquals(200, get("/api/v1/health", null).statusCode(), "the runtime keeps serving");
    }

    @Test
    void billsUploadedThroughTheApiAreImportedAuditedAndSeenOnlyByTheirTenant() throws Exception {
        List<Path> bills;
        try (java.util.stream.Stream<Path> files = Files.walk(home.resolve("enterprise/bills"))) {
            bills = files.filter(Files::isRegularFile).sorted().toList();
        }
        java.util.Set<Path> storedBefore = MultipartBody.storedParts();
        long started = System.nanoTime();
        HttpResponse<String> accepted = upload(carolOperator, bills);
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertEquals(java.util.Set.of(), MultipartBody.storedPartsSince(storedBefore), "the inbox holds the bills; no copy left in the temporary folder");
        assertEquals(bills.size(), json(accepted).getAsJsonArray("items").size());
        String lastId = json(accepted).getAsJsonArray("items").get(bills.size() - 1).getAsJsonObject().get("id").getAsString();
        JsonObject item = null;
        for (int i = 0; i < 600; i++) {
            item = json(get("/api/v1/intake/" + lastId, carolOperator));
            if (!item.get("auditRunId").isJsonNull()) {
                break;
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals("DONE", item.get("state").getAsString(), item.toString());
        assertFalse(item.get("auditRunId").isJsonNull(), "audited within 60 s: " + item);
        System.out.printf("intake: %d bills uploaded, imported and audited in %.1f s%n", bills.size(), seconds);
        JsonObject intake = json(get("/api/v1/intake?limit=1000", carolOperator));
        assertEquals(bills.size(), intake.getAsJsonArray("items").size());
        for (JsonElement each : intake.getAsJsonArray("items")) {
            assertEquals("DONE", each.getAsJsonObject().get("state").getAsString(), each.toString());
        }
        assertTrue(json(get("/api/v1/findings", carolOperator)).getAsJsonArray("items").size() > 10);
        assertEquals(0, json(get("/api/v1/intake", acmeOperator)).getAsJsonArray("items").size(), "acme sees none of carol's bills");
        assertEquals(404, get("/api/v1/intake/" + lastId, acmeOperator).statusCode());
        HttpResponse<String> refused = upload(acmeViewer, bills.subList(0, 1));
        assertEquals(403, refused.statusCode(), "a viewer does not upload");
        assertEquals(Optional.of("close"), refused.headers().firstValue("Connection"), "the unread upload's connection is not reused");
        HttpResponse<String> traversal = send("POST", "/api/v1/bills?name=..%2F..%2Fconf%2Fx.cfg", carolOperator);
        assertEquals(400, traversal.statusCode(), traversal.body());

        // the services billed, and the packages written and downloaded: carol's only
        assertTrue(json(get("/api/v1/inventory?limit=1000", carolOperator)).getAsJsonArray("items").size() > 10);
        assertEquals(0, json(get("/api/v1/inventory", bravoOperator)).getAsJsonArray("items").size());
        assertEquals(403, send("POST", "/api/v1/packages", acmeViewer).statusCode());
        HttpResponse<String> written = send("POST", "/api/v1/packages", carolOperator);
        assertEquals(201, written.statusCode(), written.body());
        assertFalse(written.body().contains(home.toString()), "no server path in the answer: " + written.body());
        com.google.gson.JsonArray packages = JsonParser.parseString(get("/api/v1/packages", carolOperator).body()).getAsJsonArray();
        assertEquals(3, packages.size(), packages.toString());
        String carrier = packages.get(0).getAsJsonObject().get("carrier").getAsString();
        HttpResponse<String> page = get("/api/v1/packages/" + carrier + "/package.html", carolOperator);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html") && page.body().contains("<html"), page.body());
        assertEquals(404, get("/api/v1/packages/" + carrier + "/package.html", bravoOperator).statusCode(), "another tenant's package");
        HttpResponse<String> traversing = get("/api/v1/packages/" + carrier + "/..%2F..%2F..%2Fconf%2Fbridgeline.properties", carolOperator);
        assertTrue(traversing.statusCode() == 400 || traversing.statusCode() == 404, "a path out of the package is refused: " + traversing);
        assertEquals(0, JsonParser.parseString(get("/api/v1/packages", bravoOperator).body()).getAsJsonArray().size());
    }

    @Test
    void inputsAreTakenInTheConsolesFormats() throws Exception {
        Path contracts = home.resolve("enterprise/contracts.json");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/inputs/contracts?name=contracts.json"))
                .header("Authorization", "Bearer " + carolOperator).POST(HttpRequest.BodyPublishers.ofFile(contracts)).build();
        HttpResponse<String> stored = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, stored.statusCode(), stored.body());
        assertTrue(json(stored).get("result").getAsString().contains("contract"), stored.body());
        HttpRequest unknown = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/inputs/salaries?name=x.csv"))
                .header("Authorization", "Bearer " + carolOperator).POST(HttpRequest.BodyPublishers.ofString("a,b")).build();
        assertEquals(404, CLIENT.send(unknown, HttpResponse.BodyHandlers.ofString()).statusCode());
    }
}
