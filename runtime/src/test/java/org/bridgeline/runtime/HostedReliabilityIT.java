package org.bridgeline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hosted runtime under what goes wrong: an upload over the limit, a token revoked while the
 * runtime serves, and a kill -9 while bills are being imported.
 */
class HostedReliabilityIT {

    @TempDir
    Path home;
    int port;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private String setUp() throws Exception {
        TestDistribution.copyTo(home);
        port = HostedSetup.freeHttpPort(home);
        Files.writeString(home.resolve("conf/org.bridgeline.http.cfg"), "maxUploadBytes=2000000\n");
        BinBridgeline.Result setup = BinBridgeline.run(home, "exec", "bl:feature-install http", "bl:tenant-add acme",
                "bl:token-issue acme --role operator", "bl:enterprise generate " + home.resolve("enterprise") + " --sites 6");
        assertEquals(0, setup.status(), setup.err() + setup.out());
        Matcher token = Pattern.compile("(?m)^blt_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$").matcher(setup.out());
        assertTrue(token.find());
        start();
        return token.group();
    }

    private Set<Path> temporaryFilesBeforeTheFirstStart;

    /**
     * What a runtime could leave in the temporary folder this JVM shares with it: FileInstall's work
     * folders and DuckDB's native library, which its driver copies there (72 MB) when it loads it from a class path.
     */
    private static Set<Path> runtimeFilesInTheTemporaryFolder() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return entries.filter(entry -> entry.getFileName().toString().startsWith("fileinstall")
                    || entry.getFileName().toString().startsWith("libduckdb_java")).collect(Collectors.toSet());
        }
    }

    private void start() throws Exception {
        if (temporaryFilesBeforeTheFirstStart == null) {
            temporaryFilesBeforeTheFirstStart = runtimeFilesInTheTemporaryFolder();
        }
        BinBridgeline.Result start = BinBridgeline.run(home, "start");
        assertEquals(0, start.status(), start.err());
        for (int i = 0; i < 100 && status("GET", "/api/v1/health", null, null) != 200; i++) {
            Thread.sleep(100);
        }
    }

    private int status(String method, String path, String token, byte[] body) throws Exception {
        return send(method, path, token, body).statusCode();
    }

    private HttpResponse<String> send(String method, String path, String token, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded"); // what curl --data-binary sends
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
            return new FailedResponse();
        }
    }

    @Test
    void anOversizeUploadIsRefusedARevokedTokenStopsAndAKilledImportIsDoneOnceOnRestart() throws Exception {
        String token = setUp();
        try {
            HttpResponse<String> tooBig = send("POST", "/api/v1/bills?name=big.csv", token, new byte[2_100_000]);
            assertEquals(413, tooBig.statusCode(), tooBig.body());
            assertEquals("too large", JsonParser.parseString(tooBig.body()).getAsJsonObject().get("error").getAsString());
            assertEquals(0, intake(token).size(), "nothing of the refused upload is kept");
            assertEquals(200, status("GET", "/api/v1/health", null, null), "the runtime keeps serving");

            // bills arrive; the runtime is killed while it imports them
            List<Path> bills;
            try (Stream<Path> files = Files.walk(home.resolve("enterprise/bills"))) {
                bills = files.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path bill : bills) {
                assertEquals(202, status("POST", "/api/v1/bills?name=" + bill.getFileName(), token, Files.readAllBytes(bill)));
            }
            Path processing = home.resolve("data/tenants/acme/processing");
            for (int i = 0; i < 2000 && !(Files.isDirectory(processing) && Files.list(processing).findAny().isPresent()); i++) {
                Thread.sleep(2);
            }
            long pid = Long.parseLong(Files.readString(home.resolve("data/bridgeline.pid")).strip());
            new ProcessBuilder("kill", "-9", String.valueOf(pid)).start().waitFor();
            Thread.sleep(500);
            Set<Path> left = new TreeSet<>(runtimeFilesInTheTemporaryFolder());
            left.removeAll(temporaryFilesBeforeTheFirstStart);
            assertEquals(Set.of(), left, "a killed runtime leaves nothing in the machine's temporary folder");
            Files.deleteIfExists(home.resolve("data/bridgeline.pid"));
            start();
            List<JsonObject> items = List.of();
            for (int i = 0; i < 600; i++) {
                items = intake(token);
                if (items.size() == bills.size() && items.stream().allMatch(item -> "DONE".equals(item.get("state").getAsString())
                        && !item.get("auditRunId").isJsonNull())) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals(bills.size(), items.stream().filter(item -> "DONE".equals(item.get("state").getAsString())).count(), items.toString());
            JsonObject invoices = JsonParser.parseString(send("GET", "/api/v1/invoices?limit=1000", token, null).body()).getAsJsonObject();
            assertEquals(bills.size(), invoices.getAsJsonArray("items").size(), "every bill's invoice once, none doubled");
            for (JsonElement invoice : invoices.getAsJsonArray("items")) {
                assertEquals(1, invoice.getAsJsonObject().get("revision").getAsInt(), invoice.toString());
            }

            // a raw bill larger than a form may be (Jetty's 200 KB), sent with a form's content type, is a bill all the same
            HttpResponse<String> big = send("POST", "/api/v1/bills?name=big-but-allowed.csv", token, new byte[250_000]);
            assertEquals(202, big.statusCode(), big.body());

            // a zip that expands without end is refused as it is read, with its reason, and the runtime keeps serving
            // a carrier's own header, so a parser takes it, then one charge row repeated to 256 MiB: about 1 MiB zipped
            List<String> bill = Files.readAllLines(home.resolve("enterprise/bills/bluewave-wireless/BL-2025-01.csv"));
            byte[] rows = (bill.get(1) + "\n").repeat(20_000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            java.io.ByteArrayOutputStream bomb = new java.io.ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bomb)) {
                zip.putNextEntry(new java.util.zip.ZipEntry("june.csv"));
                zip.write((bill.get(0) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (long written = 0; written < (256L << 20); written += rows.length) {
                    zip.write(rows);
                }
                zip.closeEntry();
            }
            HttpResponse<String> accepted = send("POST", "/api/v1/bills?name=bomb.zip", token, bomb.toByteArray());
            assertEquals(202, accepted.statusCode(), accepted.body());
            String bombId = JsonParser.parseString(accepted.body()).getAsJsonObject().getAsJsonArray("items").get(0).getAsJsonObject()
                    .get("id").getAsString();
            JsonObject bombItem = null;
            for (int i = 0; i < 300; i++) {
                bombItem = JsonParser.parseString(send("GET", "/api/v1/intake/" + bombId, token, null).body()).getAsJsonObject();
                if (bombItem.get("state").getAsString().equals("FAILED") || bombItem.get("state").getAsString().equals("DONE")) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals("FAILED", bombItem.get("state").getAsString(), bombItem.toString());
            assertTrue(bombItem.get("reason").getAsString().contains("zip bomb"), bombItem.toString());
            assertEquals(200, status("GET", "/api/v1/health", null, null));

            // a token revoked from the console is refused on the next request
            String id = token.substring(4, 20);
            BinBridgeline.Result revoked = BinBridgeline.run(home, "client", "bl:token-revoke " + id);
            assertEquals(0, revoked.status(), revoked.err() + revoked.out());
            assertEquals(401, status("GET", "/api/v1/invoices", token, null));
        } finally {
            BinBridgeline.run(home, "stop");
            TestDistribution.keepLog(home, "HostedReliabilityIT");
        }
    }

    private List<JsonObject> intake(String token) throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/intake?limit=1000", token, null);
        if (response.statusCode() != 200) {
            return List.of();
        }
        return JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonArray("items").asList().stream()
                .map(JsonElement::getAsJsonObject).toList();
    }

    /** No answer at all: the runtime is not listening (yet). */
    private static final class FailedResponse implements HttpResponse<String> {
        public int statusCode() { return -1; }
        public HttpRequest request() { return null; }
        public java.util.Optional<HttpResponse<String>> previousResponse() { return java.util.Optional.empty(); }
        public java.net.http.HttpHeaders headers() { return java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true); }
        public String body() { return ""; }
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() { return java.util.Optional.empty(); }
        public URI uri() { return null; }
        public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
    }
}
