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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disputes from files through bin/bridgeline, scored against the seeded enterprise's ground truth:
 * the year's bills imported and audited, a dispute opened for every finding that claims a credit and
 * submitted on the second of January, then the next two months' bills imported, whose credits the
 * matcher sets against the disputes. Every credit the truth says settles a dispute must be applied
 * to it, nothing else applied, and every ambiguous credit proposed, not applied.
 */
class DisputesIT {

    private static final List<String> CARRIERS = List.of("Acme Telecom", "Northwind Telecom", "Bluewave Wireless");

    @TempDir
    static Path home;
    @TempDir
    static Path files;

    @BeforeAll
    static void prepare() throws IOException {
        TestDistribution.copyTo(home);
    }

    @AfterAll
    static void keepLog() throws IOException {
        TestDistribution.keepLog(home, "DisputesIT");
    }

    /** A credit line as a dispute holds it: its bill, amount and service. */
    private record Line(String invoice, BigDecimal amount, String serviceId) {
        static Line of(JsonObject credit) {
            return new Line(credit.get("invoiceNumber").getAsString(), new BigDecimal(credit.get("lineAmount").getAsString().split(" ")[0]),
                    credit.has("serviceId") ? credit.get("serviceId").getAsString() : null);
        }

        boolean same(Line other) {
            return invoice.equals(other.invoice) && amount.compareTo(other.amount) == 0 && java.util.Objects.equals(serviceId, other.serviceId);
        }
    }

    @Test
    void creditsOnLaterBillsSettleTheDisputesTheTruthSaysAndAmbiguousOnesAreOnlyProposed() throws Exception {
        JsonArray disputes = score(home, 7, 12);

        // the packages say what was credited to date: exactly the credits applied to each carrier's disputes
        Path packages = files.resolve("packages");
        BinBridgeline.Result written = BinBridgeline.run(home, "exec", "bl:package --all --out " + packages);
        assertEquals(0, written.status(), written.out() + written.err());
        for (String carrier : CARRIERS) {
            BigDecimal credited = BigDecimal.ZERO;
            BigDecimal outstanding = BigDecimal.ZERO;
            for (JsonElement element : disputes) {
                JsonObject dispute = element.getAsJsonObject();
                if (!dispute.get("carrier").getAsString().equals(carrier)) {
                    continue;
                }
                for (JsonElement c : dispute.getAsJsonArray("credits")) {
                    if (c.getAsJsonObject().get("status").getAsString().equals("APPLIED")) {
                        credited = credited.add(amount(c.getAsJsonObject().get("applied")));
                    }
                }
                if (!List.of("CREDITED", "DENIED", "DRAFT").contains(dispute.get("state").getAsString())) {
                    BigDecimal rest = amount(dispute.get("claimed"));
                    for (JsonElement c : dispute.getAsJsonArray("credits")) {
                        if (c.getAsJsonObject().get("status").getAsString().equals("APPLIED")) {
                            rest = rest.subtract(amount(c.getAsJsonObject().get("applied")));
                        }
                    }
                    outstanding = outstanding.add(rest.max(BigDecimal.ZERO));
                }
            }
            JsonObject section = JsonParser.parseString(Files.readString(packages.resolve(carrier.toLowerCase().replace(' ', '-'))
                    .resolve("package.json"))).getAsJsonObject().getAsJsonObject("disputes");
            assertTrue(credited.signum() > 0, carrier + " credited something");
            assertEquals(0, credited.compareTo(new BigDecimal(section.get("creditedToDate").getAsString())), carrier + ": " + section);
            assertEquals(0, outstanding.compareTo(new BigDecimal(section.get("outstanding").getAsString())), carrier + ": " + section);
            String html = Files.readString(packages.resolve(carrier.toLowerCase().replace(' ', '-')).resolve("package.html"));
            int expect = html.indexOf("<h2>What we expect</h2>");
            assertTrue(html.indexOf("<li>The credits outstanding on our", expect) == html.indexOf("<li>", expect),
                    carrier + ": outstanding credits come first in what we expect");
        }

        // an audit of the later bills: the disputed duplicates are gone from them (resolved from the first bill after the
        // submission, cost avoided from then on), the prices above contract and the charges after a disconnect are not
        BinBridgeline.Result audited = BinBridgeline.run(home, "exec", "bl:audit", "bl:disputes --json");
        assertEquals(0, audited.status(), audited.out() + audited.err());
        JsonArray reviewed = JsonParser.parseString(audited.out().substring(audited.out().indexOf("\n[") + 1)).getAsJsonArray();
        int stopped = 0;
        int lasting = 0;
        for (JsonElement element : reviewed) {
            for (JsonElement f : element.getAsJsonObject().getAsJsonArray("findings")) {
                JsonObject finding = f.getAsJsonObject();
                String kind = finding.get("kind").getAsString();
                if (kind.equals("duplicate-charge")) {
                    assertEquals("2026-01-31", finding.has("resolvedOn") ? finding.get("resolvedOn").getAsString() : null, finding.toString());
                    stopped++;
                } else if (List.of("rate-above-contract", "billed-after-disconnect").contains(kind)) {
                    assertFalse(finding.has("resolvedOn"), "still billed: " + finding);
                    lasting++;
                }
            }
        }
        assertTrue(stopped > 0 && lasting > 0, stopped + " stopped, " + lasting + " lasting");

        // a dispute's lifecycle from the console: a proposal confirmed, a denial and a resubmission kept in its history
        JsonObject proposedTo = null;
        int proposal = 0;
        for (JsonElement element : disputes) {
            for (JsonElement c : element.getAsJsonObject().getAsJsonArray("credits")) {
                if (proposedTo == null && c.getAsJsonObject().get("status").getAsString().equals("PROPOSED")) {
                    proposedTo = element.getAsJsonObject();
                    proposal = c.getAsJsonObject().get("seq").getAsInt();
                }
            }
        }
        long id = proposedTo.get("disputeId").getAsLong();
        BinBridgeline.Result confirmed = BinBridgeline.run(home, "exec", "bl:dispute-credit " + id + " " + proposal + " --confirm --note checked",
                "bl:dispute " + id);
        assertEquals(0, confirmed.status(), confirmed.out() + confirmed.err());
        assertTrue(confirmed.out().contains("confirmed by console: checked"), confirmed.out());
        long waiting = -1;
        for (JsonElement element : disputes) {
            JsonObject dispute = element.getAsJsonObject();
            if (waiting < 0 && dispute.get("state").getAsString().equals("SUBMITTED") && dispute.getAsJsonArray("credits").isEmpty()) {
                waiting = dispute.get("disputeId").getAsLong();
            }
        }
        BinBridgeline.Result reopened = BinBridgeline.run(home, "exec", "bl:dispute-set " + waiting + " DENIED --note \"not our error, says the carrier\"",
                "bl:dispute-set " + waiting + " SUBMITTED --note \"with the bill lines\"", "bl:dispute " + waiting + " --json");
        assertEquals(0, reopened.status(), reopened.out() + reopened.err());
        JsonObject again = JsonParser.parseString(reopened.out().substring(reopened.out().indexOf("\n{") + 1)).getAsJsonObject();
        List<String> states = new ArrayList<>();
        again.getAsJsonArray("history").forEach(event -> states.add(event.getAsJsonObject().get("to").getAsString()));
        assertEquals(List.of("DRAFT", "SUBMITTED", "DENIED", "SUBMITTED"), states, "reopened, its history kept");
        BinBridgeline.Result refused = BinBridgeline.run(home, "exec", "bl:dispute-set " + waiting + " DRAFT");
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("bl:dispute-set: dispute " + waiting + " is SUBMITTED") && refused.err().contains("not DRAFT"),
                refused.err());

        // the letter: the page and the portal CSV, whose disputed amounts add up to the claim
        Path letters = files.resolve("letters");
        BinBridgeline.Result letter = BinBridgeline.run(home, "exec", "bl:dispute-letter 1 --out " + letters, "bl:dispute 1 --json");
        assertEquals(0, letter.status(), letter.out() + letter.err());
        JsonObject first = JsonParser.parseString(letter.out().substring(letter.out().indexOf("\n{") + 1)).getAsJsonObject();
        List<String> rows = Files.readAllLines(letters.resolve("dispute-1-" + first.get("carrier").getAsString().toLowerCase().replace(' ', '-')
                + ".csv"));
        assertEquals("account,invoice,bill_date,service_id,charge_code,amount_billed,amount_expected,amount_disputed,currency,reason,"
                + "source_file,source_record", rows.get(0));
        BigDecimal disputed = BigDecimal.ZERO;
        for (String row : rows.subList(1, rows.size())) {
            // the columns before the reason hold no comma and no quote
            disputed = disputed.add(new BigDecimal(row.split(",", 9)[7]));
        }
        assertEquals(0, amount(first.get("claimed")).compareTo(disputed), "the letter's rows add up to the claim");
        assertTrue(Files.readString(letters.resolve("dispute-1-" + first.get("carrier").getAsString().toLowerCase().replace(' ', '-') + ".html"))
                .contains("Billing dispute 1"));
    }

    private static BigDecimal amount(JsonElement money) {
        return new BigDecimal(money.getAsString().split(" ")[0]);
    }

    /** Another seed and a larger enterprise, in a runtime of its own: the matcher is not fitted to one draw. */
    @Test
    void theSameHoldsForAnotherSeedAndALargerEnterprise() throws Exception {
        Path own = Files.createDirectories(files.resolve("home-42"));
        TestDistribution.copyTo(own);
        try {
            score(own, 42, 40);
        } finally {
            TestDistribution.keepLog(own, "DisputesIT-42");
        }
    }

    /** Scores the matching for an enterprise; returns the disputes as bl:disputes --json prints them. */
    private JsonArray score(Path home, long seed, int sites) throws Exception {
        Path folder = files.resolve("seed-" + seed);
        BinBridgeline.Result generated = BinBridgeline.run(home, "exec", "bl:feature-install enterprise",
                "bl:enterprise generate " + folder + " --seed " + seed + " --sites " + sites);
        assertEquals(0, generated.status(), generated.err());
        assertTrue(Files.isDirectory(folder.resolve("later-bills")), "the later bills are written beside the year's");
        List<String> opening = new ArrayList<>(List.of("bl:import " + folder.resolve("bills"), "bl:contract-import " + folder.resolve("contracts.json"),
                "bl:inventory-import " + folder.resolve("inventory.csv"), "bl:orders-import " + folder.resolve("orders.csv"), "bl:audit"));
        for (String carrier : CARRIERS) {
            opening.add("bl:dispute-open --carrier \"" + carrier + "\" --each --submitted 2026-01-02");
        }
        BinBridgeline.Result opened = BinBridgeline.run(home, concat("exec", opening));
        assertEquals(0, opened.status(), opened.out() + opened.err());
        assertTrue(opened.out().contains("SUBMITTED"), opened.out());

        BinBridgeline.Result later = BinBridgeline.run(home, "exec", "bl:import " + folder.resolve("later-bills"), "bl:disputes --json");
        assertEquals(0, later.status(), later.out() + later.err());
        String out = later.out();
        JsonArray disputes = JsonParser.parseString(out.substring(out.indexOf("\n["))).getAsJsonArray();

        JsonArray truth = JsonParser.parseString(Files.readString(folder.resolve("truth.json"))).getAsJsonObject().getAsJsonArray("credits");
        // what the truth expects: (credit, dispute) pairs, the dispute being the one holding the settled anomaly
        Set<String> expected = new HashSet<>();
        List<Line> ambiguous = new ArrayList<>();
        List<Line> truthLines = new ArrayList<>();
        for (JsonElement element : truth) {
            JsonObject credit = element.getAsJsonObject();
            Line line = new Line(credit.get("invoice").getAsString(), new BigDecimal(credit.get("amount").getAsString()),
                    credit.has("serviceId") && !credit.get("serviceId").isJsonNull() ? credit.get("serviceId").getAsString() : null);
            truthLines.add(line);
            if (credit.get("ambiguous").getAsBoolean()) {
                ambiguous.add(line);
                continue;
            }
            for (JsonElement settled : credit.getAsJsonArray("settles")) {
                JsonObject anomaly = settled.getAsJsonObject();
                long dispute = holding(disputes, anomaly.get("kind").getAsString(), anomaly.get("carrier").getAsString(),
                        anomaly.get("subject").getAsString());
                expected.add(key(line) + " -> " + dispute);
            }
        }
        assertTrue(expected.size() >= 10, "the truth settles disputes: " + expected);
        assertFalse(ambiguous.isEmpty(), "the truth has ambiguous credits");

        Set<String> applied = new HashSet<>();
        List<Line> proposed = new ArrayList<>();
        for (JsonElement element : disputes) {
            JsonObject dispute = element.getAsJsonObject();
            for (JsonElement c : dispute.getAsJsonArray("credits")) {
                JsonObject credit = c.getAsJsonObject();
                Line line = Line.of(credit);
                if (credit.get("status").getAsString().equals("APPLIED")) {
                    applied.add(key(line) + " -> " + dispute.get("disputeId").getAsLong());
                } else if (credit.get("status").getAsString().equals("PROPOSED")) {
                    proposed.add(line);
                }
            }
        }
        long right = applied.stream().filter(expected::contains).count();
        double precision = applied.isEmpty() ? 0 : (double) right / applied.size();
        double recall = (double) right / expected.size();
        Set<String> wrong = new HashSet<>(applied);
        wrong.removeAll(expected);
        Set<String> missed = new HashSet<>(expected);
        missed.removeAll(applied);
        System.out.printf("credit matching, seed " + seed + ", " + sites + " sites: %d pairs expected, %d applied, %d right, precision %.3f, recall %.3f; %d ambiguous credits, "
                + "%d proposals%n", expected.size(), applied.size(), right, precision, recall, ambiguous.size(), proposed.size());
        System.out.println("credit matching, seed " + seed + ": wrong " + wrong + "; missed " + missed);
        assertTrue(precision >= 0.95, "precision " + precision + ": wrong " + wrong);
        assertTrue(recall >= 0.95, "recall " + recall + ": missed " + missed);
        for (Line line : ambiguous) {
            assertTrue(proposed.stream().anyMatch(line::same), "ambiguous credit " + line + " is proposed");
            assertTrue(applied.stream().noneMatch(pair -> pair.startsWith(key(line) + " -> ")), "ambiguous credit " + line + " is not applied");
        }
        return disputes;
    }

    private static String[] concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all.toArray(String[]::new);
    }

    private static String key(Line line) {
        return line.invoice() + " " + line.amount().stripTrailingZeros().toPlainString() + " " + line.serviceId();
    }

    /** The dispute holding the finding of an anomaly: its kind and carrier, and its service or (bill-level) its invoice. */
    private static long holding(JsonArray disputes, String kind, String carrier, String subject) {
        for (JsonElement element : disputes) {
            JsonObject dispute = element.getAsJsonObject();
            if (!dispute.get("carrier").getAsString().equals(carrier)) {
                continue;
            }
            for (JsonElement f : dispute.getAsJsonArray("findings")) {
                JsonObject finding = f.getAsJsonObject();
                if (!finding.get("kind").getAsString().equals(kind)) {
                    continue;
                }
                boolean service = finding.has("serviceId") && finding.get("serviceId").getAsString().equals(subject);
                boolean bill = !finding.has("serviceId") && List.of(finding.get("anomalyKey").getAsString().split("[|,]")).contains(subject);
                if (service || bill) {
                    return dispute.get("disputeId").getAsLong();
                }
            }
        }
        return -1; // no dispute holds it: the detector did not find it, and the pair counts as missed
    }
}
