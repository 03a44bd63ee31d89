package org.bridgeline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
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
import java.util.stream.Stream;
import org.bridgeline.runtime.SshClient.Ssh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hosted runtime as the issue that made it asks: a distribution with the {@code http} and
 * {@code ssh} features, two tenants and their tokens made at the console, one tenant's bills
 * uploaded through the API, its findings read and its package downloaded within 60 s, none of it
 * seen by the other tenant; the same over SSH with each tenant's key.
 */
class HostedAcceptanceIT {

    @TempDir
    Path home;
    int httpPort;
    int sshPort;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void oneTenantsBillsBecomeFindingsAndAPackageWithinAMinuteAndTheOtherTenantSeesNone() throws Exception {
        TestDistribution.copyTo(home);
        httpPort = HostedSetup.freeHttpPort(home);
        sshPort = HostedSetup.freePort();
        Files.writeString(home.resolve("conf/org.bridgeline.ssh.cfg"), "port=" + sshPort + "\n");
        Path acmeKey = SshClient.key(home.resolve("keys"), "acme");
        Path bravoKey = SshClient.key(home.resolve("keys"), "bravo");
        Files.createDirectories(home.resolve("conf/ssh"));
        Files.writeString(home.resolve("conf/ssh/authorized_keys"), SshClient.authorized(acmeKey, "acme", "operator")
                + SshClient.authorized(bravoKey, "bravo", "viewer"));
        Path enterprise = home.resolve("enterprise");
        BinBridgeline.Result setup = BinBridgeline.run(home, "exec", "bl:feature-install http", "bl:feature-install ssh",
                "bl:tenant-add acme", "bl:tenant-add bravo", "bl:token-issue acme --role operator", "bl:token-issue bravo",
                "bl:enterprise generate " + enterprise + " --sites 6");
        assertEquals(0, setup.status(), setup.err() + setup.out());
        List<String> tokens = HostedSetup.tokens(setup.out(), 2);
        String acme = tokens.get(0);
        String bravo = tokens.get(1);
        List<Path> bills;
        try (Stream<Path> files = Files.walk(enterprise.resolve("bills"))) {
            bills = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertEquals(0, BinBridgeline.run(home, "start").status());
        try {
            long started = System.nanoTime();
            assertEquals(201, post("/api/v1/inputs/contracts?name=contracts.json", acme, Files.readAllBytes(enterprise.resolve("contracts.json")))
                    .statusCode());
            HttpResponse<String> accepted = upload(acme, bills);
            assertEquals(202, accepted.statusCode(), accepted.body());
            JsonArray received = json(accepted).getAsJsonArray("items");
            assertEquals(bills.size(), received.size());

            // findings: once every bill is imported and audited
            boolean audited = false;
            while (!audited && System.nanoTime() - started < 60_000_000_000L) {
                JsonArray intake = json(get("/api/v1/intake?limit=1000", acme)).getAsJsonArray("items");
                audited = intake.size() == bills.size();
                for (JsonElement item : intake) {
                    audited &= "DONE".equals(item.getAsJsonObject().get("state").getAsString())
                            && !item.getAsJsonObject().get("auditRunId").isJsonNull();
                }
                Thread.sleep(audited ? 0 : 200);
            }
            assertTrue(audited, "every bill imported and audited within 60 s");
            JsonArray findings = json(get("/api/v1/findings?limit=1000", acme)).getAsJsonArray("items");
            assertTrue(findings.size() > 10, findings.toString());
            long findingId = findings.get(0).getAsJsonObject().get("findingId").getAsLong();
            assertEquals(200, get("/api/v1/findings/" + findingId, acme).statusCode());

            // the package: written, listed, downloaded
            assertEquals(201, post("/api/v1/packages", acme, null).statusCode());
            JsonArray packages = JsonParser.parseString(get("/api/v1/packages", acme).body()).getAsJsonArray();
            assertEquals(3, packages.size(), packages.toString());
            String carrier = packages.get(0).getAsJsonObject().get("carrier").getAsString();
            HttpResponse<String> page = get("/api/v1/packages/" + carrier + "/package.html", acme);
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<html"), page.body());
            double seconds = (System.nanoTime() - started) / 1e9;
            assertTrue(seconds < 60, "bills to findings and a package in " + seconds + " s");
            System.out.printf("acceptance: %d bills uploaded, imported, audited, findings read and a package downloaded in %.1f s%n",
                    bills.size(), seconds);

            // disputes for a carrier's credits, opened and submitted over the API, with their letter
            String disputed = null;
            for (var f : findings) {
                var recoverable = f.getAsJsonObject().get("recoverable");
                if (disputed == null && recoverable != null && !recoverable.isJsonNull()) {
                    disputed = f.getAsJsonObject().get("carrier").getAsString();
                }
            }
            HttpResponse<String> opened = post("/api/v1/disputes", acme, ("{\"carrier\": \"" + disputed + "\", \"submittedOn\": \"2026-01-02\"}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(201, opened.statusCode(), opened.body());
            long disputeId = JsonParser.parseString(opened.body()).getAsJsonArray().get(0).getAsJsonObject().get("disputeId").getAsLong();
            assertEquals("SUBMITTED", json(get("/api/v1/disputes/" + disputeId, acme)).get("state").getAsString());
            HttpResponse<String> letter = get("/api/v1/disputes/" + disputeId + "/letter.csv", acme);
            assertEquals(200, letter.statusCode());
            assertTrue(letter.body().startsWith("account,invoice,bill_date,service_id,charge_code,amount_billed"), letter.body());
            long held = json(get("/api/v1/disputes/" + disputeId, acme)).getAsJsonArray("findings").get(0).getAsJsonObject()
                    .get("findingId").getAsLong();
            HttpResponse<String> again = post("/api/v1/disputes", acme, ("{\"findingIds\": [" + held + "]}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(409, again.statusCode(), "a finding is in one open dispute at most: " + again.body());

            // the other tenant: none of it, and acme's objects are as absent as those that never were
            assertEquals(0, json(get("/api/v1/disputes", bravo)).getAsJsonArray("items").size());
            assertEquals(0, json(get("/api/v1/findings", bravo)).getAsJsonArray("items").size());
            assertEquals(0, json(get("/api/v1/invoices", bravo)).getAsJsonArray("items").size());
            assertEquals(0, json(get("/api/v1/intake", bravo)).getAsJsonArray("items").size());
            assertEquals(0, JsonParser.parseString(get("/api/v1/packages", bravo).body()).getAsJsonArray().size());
            for (String path : List.of("/api/v1/findings/" + findingId, "/api/v1/packages/" + carrier + "/package.html",
                    "/api/v1/disputes/" + disputeId, "/api/v1/disputes/" + disputeId + "/letter.html",
                    "/api/v1/intake/" + received.get(0).getAsJsonObject().get("id").getAsString())) {
                assertEquals(404, get(path, bravo).statusCode(), path);
            }

            // the same over SSH, each key bound to its tenant
            Ssh acmeFindings = SshClient.run(sshPort, acmeKey, "bl:findings", null);
            assertEquals(0, acmeFindings.status(), acmeFindings.err());
            assertTrue(acmeFindings.out().contains("Acme Telecom"), acmeFindings.out());
            Ssh acmeIntake = SshClient.run(sshPort, acmeKey, "bl:intake --limit 100", null);
            assertEquals(bills.size(), acmeIntake.out().lines().filter(line -> line.contains(" DONE ")).count(), acmeIntake.out());
            Ssh bravoFindings = SshClient.run(sshPort, bravoKey, "bl:findings", null);
            assertEquals(0, bravoFindings.status(), bravoFindings.err());
            assertFalse(bravoFindings.out().contains("Acme Telecom"), "bravo sees none of acme's findings: " + bravoFindings.out());
            Ssh bravoIntake = SshClient.run(sshPort, bravoKey, "bl:intake", null);
            assertTrue(bravoIntake.out().contains("no bills through the inbox of bravo"), bravoIntake.out());
            Ssh crossing = SshClient.run(sshPort, bravoKey, "bl:findings --tenant acme", null);
            assertEquals(1, crossing.status(), "a bravo key never reads acme: " + crossing.out());
        } finally {
            BinBridgeline.run(home, "stop");
            TestDistribution.keepLog(home, "HostedAcceptanceIT");
        }
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, byte[] body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(String token, List<Path> files) throws Exception {
        MultipartBody body = MultipartBody.of(files);
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/bills")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), response.toString());
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }
}
