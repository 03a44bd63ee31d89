package org.bridgeline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty clients on loopback uploading bills and reading for a minute (bounded loops; the length is
 * {@code -Dbridgeline.load.seconds}): no answer but the intended ones, no invoice lost or doubled,
 * the heap as flat after as before. The figures (requests per second, p50 and p99 per kind of
 * request) are printed and written to {@code target/load-figures.txt}: measured here, not asserted.
 */
class HostedLoadIT {

    private static final int CLIENTS = 20;
    private static final Duration LENGTH = Duration.ofSeconds(Long.getLong("bridgeline.load.seconds", 60));

    @TempDir
    Path home;
    int port;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One kind of request the clients send, and the one answer it should get. */
    private record Kind(String name, String method, String path, boolean operator, boolean viewer, int expected) {
    }

    /** One answer: its kind, status and time, and its body when it was not the intended one (to say why). */
    private record Sample(String kind, int status, long nanos, String unintendedBody) {
    }

    @Test
    void twentyClientsUploadingAndReadingGetOnlyIntendedAnswersAndLoseNothing() throws Exception {
        TestDistribution.copyTo(home);
        port = HostedSetup.freeHttpPort(home);
        Files.writeString(home.resolve("conf/org.bridgeline.intake.cfg"), "scanMillis=500\n");
        BinBridgeline.Result setup = BinBridgeline.run(home, "exec", "bl:feature-install http", "bl:tenant-add acme",
                "bl:token-issue acme --role operator", "bl:token-issue acme", "bl:enterprise generate " + home.resolve("enterprise") + " --sites 6");
        assertEquals(0, setup.status(), setup.err() + setup.out());
        List<String> tokens = HostedSetup.tokens(setup.out(), 2);
        String operator = tokens.get(0);
        String viewer = tokens.get(1);
        List<Path> bills;
        try (Stream<Path> files = Files.walk(home.resolve("enterprise/bills"))) {
            bills = files.filter(Files::isRegularFile).sorted().toList();
        }
        assertEquals(0, BinBridgeline.run(home, "start").status());
        try {
            for (Path bill : bills) { // the book first: every later upload is one of these bills again
                assertEquals(202, upload(operator, bill).statusCode());
            }
            awaitIntakeDrained(operator, bills.size());
            long pid = Long.parseLong(Files.readString(home.resolve("data/bridgeline.pid")).strip());
            long heapBefore = liveHeapKb(pid);
            String firstInvoice = JsonParser.parseString(send("/api/v1/invoices?limit=1", viewer).body()).getAsJsonObject()
                    .getAsJsonArray("items").get(0).getAsJsonObject().get("invoiceId").getAsString();

            List<Kind> kinds = List.of(new Kind("upload", "POST", "/api/v1/bills", true, false, 202),
                    new Kind("intake", "GET", "/api/v1/intake?limit=20", true, true, 200),
                    new Kind("invoices", "GET", "/api/v1/invoices?limit=50", false, true, 200),
                    new Kind("lines", "GET", "/api/v1/invoices/" + firstInvoice + "/lines?limit=100", false, true, 200),
                    new Kind("findings", "GET", "/api/v1/findings?limit=50", false, true, 200),
                    new Kind("inventory", "GET", "/api/v1/inventory?limit=50", true, false, 200),
                    new Kind("status", "GET", "/api/v1/status", true, false, 200),
                    new Kind("health", "GET", "/api/v1/health", false, false, 200),
                    new Kind("viewer-upload", "POST", "/api/v1/bills", false, true, 403),
                    new Kind("no-token", "GET", "/api/v1/findings", false, false, 401));
            long deadline = System.nanoTime() + LENGTH.toNanos();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<List<Sample>>> runs = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int first = c;
                runs.add(clients.submit(() -> {
                    List<Sample> samples = new ArrayList<>();
                    for (int i = first; System.nanoTime() < deadline; i++) {
                        Kind kind = kinds.get(i % kinds.size());
                        String token = kind.operator() ? operator : kind.viewer() ? viewer : null;
                        if (kind.name().equals("no-token")) {
                            token = null;
                        }
                        long start = System.nanoTime();
                        HttpResponse<String> answer = kind.method().equals("POST")
                                ? upload(token, bills.get(i % bills.size()))
                                : send(kind.path(), token);
                        long nanos = System.nanoTime() - start;
                        samples.add(new Sample(kind.name(), answer.statusCode(), nanos,
                                answer.statusCode() == kind.expected() ? null : answer.body()));
                    }
                    return samples;
                }));
            }
            List<Sample> samples = new ArrayList<>();
            for (Future<List<Sample>> run : runs) {
                samples.addAll(run.get());
            }
            clients.shutdown();
            double seconds = LENGTH.toMillis() / 1000.0;

            Map<String, Integer> expected = new TreeMap<>();
            kinds.forEach(kind -> expected.put(kind.name(), kind.expected()));
            List<String> unintended = samples.stream().filter(sample -> sample.status() != expected.get(sample.kind()))
                    .map(sample -> sample.kind() + " " + sample.status() + ": " + sample.unintendedBody()).distinct().limit(5).toList();
            long uploads = samples.stream().filter(sample -> sample.kind().equals("upload")).count();
            awaitIntakeDrained(operator, (int) (bills.size() + uploads));
            long heapAfter = liveHeapKb(pid);

            StringBuilder figures = new StringBuilder();
            figures.append("load: %d clients for %.0f s on loopback: %d requests, %.0f requests/s, p50 %.1f ms, p99 %.1f ms; live heap after a full GC %d KiB before, %d KiB after%n"
                    .formatted(CLIENTS, seconds, samples.size(), samples.size() / seconds, percentile(samples, 50), percentile(samples, 99),
                            heapBefore, heapAfter));
            for (Kind kind : kinds) {
                List<Sample> ofKind = samples.stream().filter(sample -> sample.kind().equals(kind.name())).toList();
                figures.append("  %-14s %6d  p50 %7.1f ms  p99 %7.1f ms%n".formatted(kind.name(), ofKind.size(), percentile(ofKind, 50),
                        percentile(ofKind, 99)));
            }
            System.out.print(figures);
            Files.writeString(Path.of("target", "load-figures.txt"), figures);

            assertEquals(List.of(), unintended, "answers other than the intended ones");
            JsonObject invoices = JsonParser.parseString(send("/api/v1/invoices?limit=1000", viewer).body()).getAsJsonObject();
            assertEquals(bills.size(), invoices.getAsJsonArray("items").size(), "every bill's invoice, once, however often it came");
            for (JsonElement invoice : invoices.getAsJsonArray("items")) {
                assertEquals(1, invoice.getAsJsonObject().get("revision").getAsInt(), invoice.toString());
            }
            assertTrue(heapAfter < heapBefore * 3 / 2 + 32 * 1024, "the live heap stays flat: " + heapBefore + " KiB before, "
                    + heapAfter + " KiB after");
        } finally {
            BinBridgeline.run(home, "stop");
            TestDistribution.keepLog(home, "HostedLoadIT");
        }
    }

    /** Waits until the tenant's intake has taken the given number of bills and none is still on its way. */
    private void awaitIntakeDrained(String token, int bills) throws Exception {
        Path tenant = home.resolve("data/tenants/acme");
        for (int i = 0; i < 1800; i++) {
            JsonObject newest = JsonParser.parseString(send("/api/v1/intake?limit=1", token).body()).getAsJsonObject();
            boolean settled = newest.getAsJsonArray("items").size() == 1
                    && "DONE".equals(newest.getAsJsonArray("items").get(0).getAsJsonObject().get("state").getAsString());
            if (settled && count(tenant.resolve("done")) + count(tenant.resolve("failed")) >= bills && count(tenant.resolve("inbox")) == 0
                    && count(tenant.resolve("processing")) == 0) {
                assertEquals(0, count(tenant.resolve("failed")), "no bill failed");
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the intake did not take " + bills + " bills within 3 minutes");
    }

    private static long count(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> items = Files.list(folder)) {
            return items.count();
        }
    }

    /** The runtime's live heap after a full collection, from the JDK's jcmd. */
    private static long liveHeapKb(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run").redirectErrorStream(true).start().waitFor();
        Process info = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
        String text = new String(info.getInputStream().readAllBytes());
        info.waitFor();
        // the young and old generations (serial, parallel) or the one heap (G1), not metaspace
        Matcher used = Pattern.compile("(?:generation|heap)\\s+total \\d+K, used (\\d+)K").matcher(text);
        long kb = 0;
        boolean found = false;
        while (used.find()) {
            kb += Long.parseLong(used.group(1));
            found = true;
        }
        assertTrue(found, text);
        return kb;
    }

    private static double percentile(List<Sample> samples, int percent) {
        if (samples.isEmpty()) {
            return 0;
        }
        List<Long> nanos = new ArrayList<>(samples.stream().map(Sample::nanos).toList());
        Collections.sort(nanos);
        return nanos.get(Math.min(nanos.size() - 1, (int) Math.ceil(percent / 100.0 * nanos.size()) - 1)) / 1e6;
    }

    private HttpResponse<String> send(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(String token, Path bill) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/bills?name=" + bill.getFileName()))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofFile(bill));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
