package org.bridgeline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job as the README runs it: bin/bridgeline demo on a fresh distribution. The packages'
 * figures are set against the generated enterprise's ground truth (credits owed = the injected
 * overbilling; savings = (price − p25) × 12 summed where positive), package.json against its
 * schema, and package.html is opened in headless Chromium: it renders, its totals are the JSON's,
 * and a screenshot is kept under target/package-screenshots/ for review.
 */
class DemoIT {

    private static final Pattern MONEY = Pattern.compile("-?\\d+\\.\\d{2}");

    @TempDir
    static Path home;
    static BinBridgeline.Result demo;

    @BeforeAll
    static void runTheDemo() throws Exception {
        TestDistribution.copyTo(home);
        demo = BinBridgeline.run(home, "demo", "--sites", "12");
    }

    @AfterAll
    static void keepLog() throws IOException {
        TestDistribution.keepLog(home, "DemoIT");
    }

    private static List<Path> packages() throws IOException {
        try (Stream<Path> folders = Files.list(home.resolve("data/packages"))) {
            return folders.filter(Files::isDirectory).sorted().toList();
        }
    }

    @Test
    void theDemoRunsTheMainJobAndSummarises() {
        assertEquals(0, demo.status(), demo.err() + demo.out());
        String out = demo.out();
        assertTrue(out.contains("3. import: 36 files,"), out);
        assertTrue(out.contains("4. audit: 12 detectors,"), out);
        assertTrue(out.contains("Summary: spend ") && out.contains("credits owed ") && out.contains("expected savings "), out);
        assertFalse(out.contains("precision 0.") || out.contains("recall 0."), "every detector finds its anomalies: " + out);
    }

    @Test
    void thePackageFiguresAreTheGroundTruths() throws IOException {
        JsonObject truth = read(home.resolve("data/demo/seed-7-sites-12/truth.json"));
        List<Path> packages = packages();
        assertEquals(3, packages.size(), packages.toString());
        for (Path folder : packages) {
            JsonObject p = read(folder.resolve("package.json"));
            String carrier = p.get("carrier").getAsString();
            JsonObject totals = p.getAsJsonObject("totals");
            assertEquals(new BigDecimal(truth.getAsJsonObject("expectedCredits").get(carrier).getAsString()),
                    new BigDecimal(totals.get("recoverableCredits").getAsString()), carrier + ": credits owed = the injected overbilling");
            assertEquals(new BigDecimal(truth.getAsJsonObject("expectedAnnualSavings").get(carrier).getAsString()),
                    new BigDecimal(totals.get("expectedAnnualSavings").getAsString()), carrier + ": savings = (price - target) x 12");
            BigDecimal credits = BigDecimal.ZERO;
            for (JsonElement credit : p.getAsJsonObject("anomalies").getAsJsonArray("credits")) {
                credits = credits.add(new BigDecimal(credit.getAsJsonObject().get("credit").getAsString()));
            }
            assertEquals(new BigDecimal(totals.get("recoverableCredits").getAsString()), credits, carrier + ": the credits add up");
            java.util.TreeMap<String, Integer> statuses = new java.util.TreeMap<>();
            p.getAsJsonArray("requirements").forEach(r -> statuses.merge(r.getAsJsonObject().get("status").getAsString(), 1, Integer::sum));
            if (!p.getAsJsonArray("servicesNotNeeded").isEmpty()) {
                statuses.put("NOT_NEEDED", p.getAsJsonArray("servicesNotNeeded").size());
            }
            java.util.TreeMap<String, Integer> expected = new java.util.TreeMap<>();
            truth.getAsJsonObject("expectedRequirementStatuses").getAsJsonObject(carrier).entrySet()
                    .forEach(e -> expected.put(e.getKey(), e.getValue().getAsInt()));
            assertEquals(expected, statuses, carrier + ": requirements set against the inventory");
            System.out.println("package " + carrier + ": " + totals);
        }
    }

    @Test
    void packageJsonFollowsItsSchema() throws IOException {
        for (Path folder : packages()) {
            JsonObject p = read(folder.resolve("package.json"));
            String where = folder.getFileName() + "/package.json";
            assertEquals("bridgeline-negotiation-package/1", p.get("schema").getAsString(), where);
            fields(p, where, Map.of("carrier", "text", "currency", "text", "billedFrom", "month", "billedTo", "month", "audit", "object",
                    "bookOfBusiness", "object", "anomalies", "object", "benchmarks", "object", "requirements", "array", "expectedTerms",
                    "object"));
            fields(p.getAsJsonObject("totals"), where + " totals", Map.of("currentMonthlySpend", "money", "currentAnnualSpend", "money",
                    "recoverableCredits", "money", "expectedAnnualSavings", "money", "annualSavingsFromDisconnects", "money"));
            JsonArray services = p.getAsJsonObject("bookOfBusiness").getAsJsonArray("services");
            assertFalse(services.isEmpty(), where);
            for (JsonElement service : services) {
                fields(service.getAsJsonObject(), where + " service", Map.of("serviceId", "text", "account", "text", "serviceType", "text",
                        "firstBilled", "month", "lastBilled", "month", "monthlyRecurring", "money", "monthlyUsage", "money"));
            }
            for (String kind : List.of("credits", "disconnects", "corrections", "renegotiations")) {
                for (JsonElement action : p.getAsJsonObject("anomalies").getAsJsonArray(kind)) {
                    fields(action.getAsJsonObject(), where + " " + kind, Map.of("findingId", "number", "kind", "text", "monthlyImpact", "money",
                            "annualImpact", "money", "credit", "money", "explanation", "text", "evidence", "array"));
                }
            }
            for (JsonElement row : p.getAsJsonObject("benchmarks").getAsJsonArray("services")) {
                JsonObject o = row.getAsJsonObject();
                if (o.has("unmatched")) {
                    fields(o, where + " benchmark", Map.of("serviceId", "text", "currentMonthly", "money", "unmatched", "text"));
                } else {
                    fields(o, where + " benchmark", Map.of("serviceId", "text", "currentMonthly", "money", "percentile", "number",
                            "targetMonthly", "money", "annualOverpay", "money", "benchmark", "object"));
                    fields(o.getAsJsonObject("benchmark"), where + " benchmark source", Map.of("provider", "text", "source", "text",
                            "asOf", "date", "p25", "money", "median", "money", "p75", "money", "sampleSize", "number"));
                }
            }
        }
    }

    @Test
    void packageHtmlRendersInChromiumWithTheJsonTotals() throws Exception {
        Path chromium = chromium();
        Path screenshots = Files.createDirectories(Path.of("target/package-screenshots"));
        for (Path folder : packages()) {
            JsonObject totals = read(folder.resolve("package.json")).getAsJsonObject("totals");
            Path html = folder.resolve("package.html");
            String dom = chromium(chromium, "--dump-dom", html.toUri().toString());
            Matcher total = Pattern.compile("data-total=\"(\\w+)\" data-amount=\"([-0-9.]+)\"").matcher(dom);
            int found = 0;
            while (total.find()) {
                found++;
                assertEquals(totals.get(total.group(1)).getAsString(), total.group(2), folder.getFileName() + " " + total.group(1));
            }
            assertEquals(4, found, "the four totals as rendered: " + dom.substring(0, Math.min(dom.length(), 2000)));
            assertTrue(dom.contains("<svg id=\"spend-by-type\"") && dom.contains("<svg id=\"current-vs-target\""), "both charts rendered");
            Path shot = screenshots.resolve(folder.getFileName() + ".png");
            chromium(chromium, "--screenshot=" + shot.toAbsolutePath(), "--window-size=1100,2400", html.toUri().toString());
            assertTrue(Files.size(shot) > 10_000, "a screenshot of the page: " + shot);
        }
    }

    /** Runs headless Chromium on a page; fails on a non-zero exit or a page error in its log. */
    private static String chromium(Path chromium, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--enable-logging=stderr", "--v=0", "--user-data-dir=" + home.resolve("chromium-profile")));
        command.addAll(List.of(args));
        // in the test's home, removed with it, not left in the machine's temporary folder
        Path out = Files.createTempFile(home, "chromium-out", ".txt");
        Path err = Files.createTempFile(home, "chromium-err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish: " + command);
        }
        String log = Files.readString(err);
        assertEquals(0, process.exitValue(), "chromium " + String.join(" ", args) + ": " + log);
        for (String line : log.lines().toList()) {
            assertFalse(line.contains(":CONSOLE") || line.contains("Failed to load resource") || line.contains("Uncaught"),
                    "the page logged an error: " + line);
        }
        return Files.readString(out);
    }

    private static Path chromium() {
        String configured = System.getenv("BRIDGELINE_CHROMIUM");
        for (String candidate : configured != null ? List.of(configured) : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new AssertionError("no Chromium: the README's test command installs Debian's chromium when it is missing "
                + "(apt-get install chromium), or set BRIDGELINE_CHROMIUM to one");
    }

    private static JsonObject read(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    private static void fields(JsonObject o, String where, Map<String, String> types) {
        types.forEach((field, type) -> {
            assertTrue(o.has(field) && !o.get(field).isJsonNull(), where + ": field \"" + field + "\" missing in " + o);
            JsonElement value = o.get(field);
            boolean ok = switch (type) {
                case "text" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
                case "number" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
                case "money" -> value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() && MONEY.matcher(value.getAsString()).matches();
                case "month" -> value.isJsonPrimitive() && value.getAsString().matches("\\d{4}-\\d{2}");
                case "date" -> value.isJsonPrimitive() && value.getAsString().matches("\\d{4}-\\d{2}-\\d{2}");
                case "object" -> value.isJsonObject();
                case "array" -> value.isJsonArray();
                default -> false;
            };
            assertTrue(ok, where + ": field \"" + field + "\": expected " + type + ", found " + value);
        });
    }
}
