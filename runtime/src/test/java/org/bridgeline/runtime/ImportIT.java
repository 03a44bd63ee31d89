package org.bridgeline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real carrier files (../shared/data, read in place) imported through bin/bridgeline as an
 * operator does: report, book of business, re-import, a file no parser reads.
 */
class ImportIT {

    @TempDir
    static Path home;
    static Path data;

    @BeforeAll
    static void prepare() throws IOException {
        data = sharedData();
        TestDistribution.copyTo(home);
    }

    @AfterAll
    static void keepLog() throws IOException {
        TestDistribution.keepLog(home, "ImportIT");
    }

    private static Path sharedData() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/data").normalize();
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        Assumptions.abort("no ../shared/data folder: the real carrier files are not on this machine");
        return null;
    }

    @Test
    void theTelstraBillIsImportedOnceWithItsGapShownAndItsServicesInTheInventory() throws Exception {
        Path bills = data.resolve("carrier-bills/telstra-olb/bills.csv");
        BinBridgeline.Result first = BinBridgeline.run(home, "exec", "bl:import " + bills, "bl:invoices", "bl:inventory --type WIRELESS",
                "bl:lines P8596370108");
        assertEquals(0, first.status(), first.err());
        String out = first.out();
        assertTrue(out.contains("bills.csv  telstra-olb  1         490    IMPORTED"), out);
        // the file is an extract: the report shows the gap between its header total and its charges, it does not hide it
        assertTrue(out.contains("765.26 AUD  6670.47 AUD  GAP 5905.21 AUD  STORED"), out);
        assertTrue(out.contains("RECURRING  23     540.09 AUD"), out);
        assertTrue(out.contains("USAGE      271    92.02 AUD"), out);
        assertTrue(out.contains("ONE_TIME   5      69.92 AUD"), out);
        assertTrue(out.contains("TAX        191    63.23 AUD"), out);
        assertTrue(out.contains("0455553125  WIRELESS"), out);
        assertTrue(out.contains("3 services"), "three mobile services in the bill: " + out);
        assertTrue(out.contains("bills.csv record 3 (line 4)") || out.contains("bills.csv record"), "lines cite their source: " + out);

        Path focus = home.resolve("focus.csv");
        BinBridgeline.Result export = BinBridgeline.run(home, "exec", "bl:export focus " + focus + " --carrier Telstra");
        assertEquals(0, export.status(), export.err());
        java.util.List<String> rows = Files.readAllLines(focus);
        assertTrue(rows.get(0).startsWith("BilledCost,BillingCurrency,BillingAccountId"), rows.get(0));
        assertEquals(1 + 490, rows.size(), "a header and one row per charge line");
        assertTrue(rows.stream().anyMatch(row -> row.startsWith("3,AUD,4833936100,,,,Purchase,Recurring,ISDN Line Hunt")), rows.get(1));

        BinBridgeline.Result again = BinBridgeline.run(home, "exec", "bl:import " + bills, "bl:invoices");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("ALREADY_IMPORTED"), again.out());
        assertEquals(1, again.out().lines().filter(line -> line.startsWith("Telstra  4833936100  P8596370108")).count(),
                "re-importing adds nothing: " + again.out());
    }

    @Test
    void declarativeLayoutsReadTheVerizonAttAndTelstraExportsAndTheVerizonSummaryBalances() throws Exception {
        Path verizon = data.resolve("carrier-bills/verizon-wireless/AccountSummary_test.txt");
        Path att = data.resolve("carrier-bills/att-wireless");
        Path calls = data.resolve("carrier-bills/telstra-calls");
        BinBridgeline.Result result = BinBridgeline.run(home, "exec", "bl:import " + verizon, "bl:import " + att, "bl:import " + calls);
        assertEquals(0, result.status(), result.out() + result.err());
        String out = result.out();
        assertTrue(out.contains("verizon-wireless-account-summary  1         6      IMPORTED"), out);
        assertTrue(out.contains("36830.02 USD  36830.02 USD  BALANCED"), "the charge columns reconcile to Total Current Charges: " + out);
        assertTrue(out.contains("ENC1 Detail Mar.csv   att-wireless-usage-detail  1         9      IMPORTED"), out);
        assertTrue(out.contains("ENC1 Pooling Mar.csv  att-wireless-data-pooling  1         10     IMPORTED"), out);
        assertTrue(out.contains("test.csv   telstra-calls-csv                1         4      IMPORTED"), out);
        assertTrue(out.contains("test2.csv  telstra-calls-csv-decimal-comma  1         4      IMPORTED"), out);
    }

    /** 811s in the shapes of carriers' published guides, with the standard profile: every invoice BALANCED against its TDS. */
    @Test
    void x12BillsShapedAsCarriersGuidesDescribeImportBalanced() throws Exception {
        Path corpus = Path.of("../bundles/org.bridgeline.parser.x12/src/test/resources/corpus").toAbsolutePath().normalize();
        BinBridgeline.Result result = BinBridgeline.run(home, "exec", "bl:import " + corpus);
        assertEquals(0, result.status(), result.out() + result.err());
        String out = result.out();
        assertTrue(out.contains("att-shape.x12") && out.contains("verizon-shape.x12") && out.contains("windstream-shape.x12")
                && out.contains("granite-shape.x12") && out.contains("lumen-consolidated.x12"), out);
        assertEquals(7, out.lines().filter(line -> line.contains("BALANCED")).count(),
                "one AT&T, one Verizon, one Windstream, one Granite, three Lumen invoices: " + out);
        assertTrue(out.lines().anyMatch(line -> line.matches("ATTBILLING +214555010088 .* 946\\.95 USD +946\\.95 USD +BALANCED .*")), out);
        assertTrue(out.lines().anyMatch(line -> line.matches("WINDSTREAM +044-118-2231 .* 78\\.25 USD +78\\.25 USD +BALANCED .*")), out);
    }

    @Test
    void x12InvoicesAreImportedOrRejectedWholeAndACorrectedReissueSupersedesTheFirst() throws Exception {
        Path fixtures = Path.of("../bundles/org.bridgeline.parser.x12/src/test/resources/fixtures").toAbsolutePath().normalize();
        BinBridgeline.Result first = BinBridgeline.run(home, "exec", "bl:import " + fixtures.resolve("acme-standard.x12"),
                "bl:import " + fixtures.resolve("northwind-variant.x12"));
        assertEquals(0, first.status(), first.out() + first.err());
        assertTrue(first.out().contains("acme-standard.x12  x12-811-standard  1         4      IMPORTED"), first.out());
        assertTrue(first.out().contains("1936.50 USD  1936.50 USD  BALANCED"), first.out());
        assertTrue(first.out().contains("northwind-variant.x12  x12-811-northwind  1         2      IMPORTED"), first.out());

        BinBridgeline.Result broken = BinBridgeline.run(home, "exec", "bl:import " + fixtures.resolve("acme-bad-ctt.x12"));
        assertEquals(1, broken.status());
        assertTrue(broken.out().contains("REJECTED"), broken.out());
        assertTrue(broken.out().contains("field \"CTT01\": expected 3 line items"), broken.out());

        BinBridgeline.Result reissue = BinBridgeline.run(home, "exec", "bl:import " + fixtures.resolve("acme-unbalanced-tds.x12"),
                "bl:invoices --carrier Acme\\ Telecom");
        assertEquals(0, reissue.status(), reissue.out() + reissue.err());
        assertTrue(reissue.out().contains("GAP 63.50 USD  REISSUE"), reissue.out());
    }

    @Test
    void anImportKilledMidwayLeavesNoPartialInvoiceAndTheNextImportIsWhole() throws Exception {
        // one invoice of 400,000 call lines in the Telstra call export layout
        Path big = home.resolve("calls-killed.csv");
        try (var out = Files.newBufferedWriter(big)) {
            out.write("Service Number,Call Type,Date,Time,Place,Called Number,Rate,Duration,Excl GST $,Est Incl GST $,Caller Group\n");
            for (int i = 0; i < 400_000; i++) {
                out.write("0412 000 " + String.format("%03d", i % 1000) + ",MobileNet National Direct Dialled,28. Okt,7:52 PM,Sydney,"
                        + "2358 239 107,Peak,00:01:30,0.25,0.28,(unallocated)\n");
            }
        }
        Path log = home.resolve("log/bridgeline.log");
        long readyBefore = readyLines(log);
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/bridgeline").toString(), "exec", "bl:import " + big)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process importing = builder.start();
        // kill -9 once the import is under way: its lines are streaming into the store
        TestDistribution.eventually(java.time.Duration.ofSeconds(60), () -> readyLines(log) > readyBefore,
                () -> "the import never started");
        Thread.sleep(1500);
        importing.destroyForcibly();
        importing.waitFor();
        assertTrue(Files.readString(log).lines().noneMatch(line -> line.contains("import of " + big)),
                "the import was still running when it was killed");

        BinBridgeline.Result after = BinBridgeline.run(home, "exec", "bl:invoices --carrier Telstra");
        assertEquals(0, after.status(), after.err());
        assertTrue(after.out().lines().noneMatch(line -> line.contains("calls-killed")), "no partial invoice: " + after.out());

        BinBridgeline.Result again = BinBridgeline.run(home, "exec", "bl:import " + big);
        assertEquals(0, again.status(), again.out() + again.err());
        assertTrue(again.out().contains("calls-killed.csv  telstra-calls-csv  1         400000  IMPORTED"), again.out());
    }

    private static long readyLines(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log).lines().filter(l -> l.contains("framework ready")).count() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    void aFileNoParserReadsIsRefusedWithTheAnswersOfEveryParser() throws Exception {
        BinBridgeline.Result result = BinBridgeline.run(home, "exec", "bl:import " + data.resolve("carrier-bills/telstra-olb/invalid.csv"));
        assertEquals(1, result.status());
        String table = result.out().lines().filter(line -> line.contains("NO_PARSER")).findFirst().orElse("");
        assertTrue(table.endsWith("NO_PARSER  no parser can read it (" + result.out().lines().filter(line -> line.contains(": asked ")).count()
                + " asked, their answers below)"), result.out());
        assertTrue(table.length() < 160, "the report's table stays narrow: " + table);
        // one parser's answer per line, beneath the table
        assertTrue(result.out().lines().anyMatch(line -> line.startsWith("  error: ") && line.contains("invalid.csv: asked telstra-olb 0 "
                + "(first record does not start with an OLB")), result.out());
        assertTrue(result.out().lines().anyMatch(line -> line.contains("asked verizon-wireless-account-summary 0 (first line does not match")),
                result.out());
        assertTrue(result.err().contains("1 of 1 files not fully imported"), result.err());
    }

    /** A zip of a bill and its readme: the bill is read, the readme is reported as not a bill, and nothing failed. */
    @Test
    void aFileBesideBillsThatNoParserRecognisesIsNotABillAndFailsNothing() throws Exception {
        Path zip = home.resolve("bills-with-readme.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("README.txt"));
            out.write("Usage export, July. Columns: see header.txt\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("july/bills.csv"));
            Files.copy(data.resolve("carrier-bills/telstra-olb/bills.csv"), out);
            out.closeEntry();
        }
        BinBridgeline.Result result = BinBridgeline.run(home, "exec", "bl:import " + zip + " --dry-run");
        assertEquals(0, result.status(), result.out() + result.err());
        assertTrue(result.out().lines().anyMatch(line -> line.startsWith("bills-with-readme.zip!/README.txt ")
                && line.matches(".* NOT_A_BILL +not a bill: no parser recognises it.*")), result.out());
        assertTrue(result.out().contains("telstra-olb  1         490    CHECKED") || result.out().contains("ALREADY_IMPORTED"), result.out());
        assertTrue(result.out().lines().anyMatch(line -> line.startsWith("  warning: ") && line.contains("README.txt: asked telstra-olb 0")),
                result.out());
    }

    @Test
    void aDryRunChecksWithoutStoringAndAZipIsReadEntryByEntry() throws Exception {
        Path zip = home.resolve("bills.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("june/bills.csv"));
            Files.copy(data.resolve("carrier-bills/telstra-olb/bills.csv"), out);
            out.closeEntry();
        }
        BinBridgeline.Result dry = BinBridgeline.run(home, "exec", "bl:import " + zip + " --dry-run");
        assertEquals(0, dry.status(), dry.err());
        assertTrue(dry.out().contains("bills.zip!/june/bills.csv  telstra-olb  1         490    CHECKED")
                || dry.out().contains("ALREADY_IMPORTED"), dry.out());
        assertTrue(dry.out().contains("dry run, nothing stored"), dry.out());

        // other content than any test imports (a comment line more), so the dry run reads it rather than recognising it
        Path jsonZip = home.resolve("bills-json.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jsonZip))) {
            out.putNextEntry(new ZipEntry("june/bills.csv"));
            out.write("## a copy for the JSON report\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            Files.copy(data.resolve("carrier-bills/telstra-olb/bills.csv"), out);
            out.closeEntry();
        }
        BinBridgeline.Result json = BinBridgeline.run(home, "exec", "bl:import " + jsonZip + " --dry-run --json");
        assertEquals(0, json.status(), json.err());
        com.google.gson.JsonObject report = com.google.gson.JsonParser.parseString(json.out()).getAsJsonObject();
        assertTrue(report.get("dryRun").getAsBoolean());
        com.google.gson.JsonObject file = report.getAsJsonArray("files").get(0).getAsJsonObject();
        assertEquals("bills-json.zip!/june/bills.csv", file.get("file").getAsString());
        assertEquals("CHECKED", file.get("status").getAsString());
        assertEquals("telstra-olb", file.get("parserId").getAsString());
        com.google.gson.JsonObject invoice = file.getAsJsonArray("invoices").get(0).getAsJsonObject();
        assertEquals("P8596370108", invoice.get("number").getAsString());
        assertEquals("6670.47 AUD", invoice.get("statedTotal").getAsString());
        assertEquals("5905.21 AUD", invoice.get("gap").getAsString());
    }
}
