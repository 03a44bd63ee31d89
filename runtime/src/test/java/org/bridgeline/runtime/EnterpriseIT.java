package org.bridgeline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded enterprise written as carrier files (two X12 811 dialects and a CSV export read by a
 * layout that arrives with the enterprise bundle), imported, audited and scored through
 * bin/bridgeline as an operator would: every detector finds the injected anomalies from the
 * files, not only from the in-memory book.
 */
class EnterpriseIT {

    /** A line of bl:enterprise score: detector, kind, found, expected, controls flagged of controls, precision, recall. */
    private static final Pattern SCORE = Pattern.compile("^\\s+(\\S+)\\s+(\\S+)\\s+found\\s+(\\d+), expected\\s+(\\d+), controls flagged\\s+(\\d+) of\\s+(\\d+), "
            + "precision ([0-9.]+), recall ([0-9.]+)$", Pattern.MULTILINE);

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
        TestDistribution.keepLog(home, "EnterpriseIT");
    }

    @Test
    void theFilesOfASeededEnterpriseImportAndAuditToItsGroundTruth() throws Exception {
        Path folder = files.resolve("seed-7");
        BinBridgeline.Result generated = BinBridgeline.run(home, "exec", "bl:feature-install enterprise",
                "bl:enterprise generate " + folder + " --seed 7 --sites 12");
        assertEquals(0, generated.status(), generated.err());
        // the enterprise's illustrative benchmark table, served by the table provider from where it was written
        Files.writeString(home.resolve("conf/org.bridgeline.benchmark.table.cfg"), "folder=" + folder.resolve("benchmarks") + "\n");
        BinBridgeline.Result result = BinBridgeline.run(home, "exec", "bl:import " + folder.resolve("bills"),
                "bl:contract-import " + folder.resolve("contracts.json"), "bl:inventory-import " + folder.resolve("inventory.csv"),
                "bl:orders-import " + folder.resolve("orders.csv"), "bl:audit", "bl:enterprise score " + folder);
        assertEquals(0, result.status(), result.err());
        String out = result.out();
        assertTrue(out.contains("36 files,"), "every bill imported: " + out);
        assertTrue(out.contains("bluewave-wireless-bill"), "the Bluewave export is read by the layout the bundle brings: " + out);
        assertTrue(out.contains("x12-811-northwind") && out.contains("x12-811-standard"), "both 811 dialects: " + out);
        assertEquals(14, assertScores(out, "seeded"), "twelve detectors, two of them with two kinds: " + out);
        assertTrue(Files.isRegularFile(folder.resolve("truth.json")));
    }

    /**
     * The adversarial enterprise as files: master agreements with service schedules and post-term rules in contracts.json,
     * features, costs, dates and terms in inventory.csv, feature orders in orders.csv, and every model field of its bills in
     * the charge-level CSV export the enterprise bundle's layout reads. Imported into a runtime of its own and scored per
     * kind with its controls counted.
     */
    @Test
    void theFilesOfTheAdversarialEnterpriseImportAndAuditToItsGroundTruthWithNoControlFlagged() throws Exception {
        Path own = Files.createDirectories(files.resolve("adversarial-home"));
        TestDistribution.copyTo(own);
        Path folder = files.resolve("adversarial-42");
        try {
            BinBridgeline.Result generated = BinBridgeline.run(own, "exec", "bl:feature-install enterprise",
                    "bl:enterprise generate " + folder + " --seed 42 --sites 16 --adversarial");
            assertEquals(0, generated.status(), generated.err());
            assertTrue(generated.out().contains("adversarial enterprise of seed 42"), generated.out());
            Files.writeString(own.resolve("conf/org.bridgeline.benchmark.table.cfg"), "folder=" + folder.resolve("benchmarks") + "\n");
            BinBridgeline.Result result = BinBridgeline.run(own, "exec", "bl:import " + folder.resolve("bills"),
                    "bl:contract-import " + folder.resolve("contracts.json"), "bl:inventory-import " + folder.resolve("inventory.csv"),
                    "bl:orders-import " + folder.resolve("orders.csv"), "bl:audit", "bl:enterprise score " + folder);
            assertEquals(0, result.status(), result.err());
            String out = result.out();
            assertTrue(out.contains("36 files,"), "every bill imported: " + out);
            assertTrue(out.contains("charge-export"), "the export is read by the layout the bundle brings: " + out);
            assertEquals(14, assertScores(out, "adversarial"), out);
        } finally {
            TestDistribution.keepLog(own, "EnterpriseIT-adversarial");
        }
    }

    /** Checks each kind's score line: anomalies to find, no control flagged, precision and recall at least 0.95; returns how many. */
    private static int assertScores(String out, String corpus) {
        Matcher score = SCORE.matcher(out);
        int kinds = 0;
        while (score.find()) {
            kinds++;
            String kind = score.group(1) + " " + score.group(2);
            System.out.println(corpus + " from files: " + score.group().strip());
            assertTrue(Integer.parseInt(score.group(4)) > 0, kind + " has anomalies to find");
            assertEquals("0", score.group(5), kind + ": no control flagged: " + score.group());
            assertTrue(Double.parseDouble(score.group(7)) >= 0.95, kind + " precision: " + score.group());
            assertTrue(Double.parseDouble(score.group(8)) >= 0.95, kind + " recall: " + score.group());
        }
        return kinds;
    }

    @Test
    void generatingIntoAFolderThatHoldsFilesIsRefusedAndWritesNothing() throws Exception {
        Path used = Files.createDirectories(files.resolve("used"));
        Files.writeString(used.resolve("keep.txt"), "mine");
        BinBridgeline.Result result = BinBridgeline.run(home, "exec", "bl:feature-install enterprise", "bl:enterprise generate " + used);
        assertEquals(1, result.status(), result.out());
        assertTrue(result.err().contains("bl:enterprise generate: " + used + " is not empty"), result.err());
        assertEquals(List.of(used.resolve("keep.txt")), Files.list(used).toList());
    }
}
