package org.bridgeline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * The assembled distribution in a real Felix, in this JVM: hot deploy, replacement, removal,
 * duplicates, broken plugins, live configuration and features, all seen through the console
 * an operator uses.
 */
class HotDeployIT {

    private static final String PLUGIN = "org.bridgeline.itest.plugin";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    static Path home;
    static EmbeddedRuntime runtime;
    static Path deploy;

    @BeforeAll
    static void start() throws Exception {
        TestDistribution.copyTo(home);
        addItestFeature(home);
        Distribution distribution = new Distribution(home);
        RuntimeLog.open(distribution);
        runtime = EmbeddedRuntime.start(distribution,
                java.util.Map.of("gosh.args", "--nointeractive", "bridgeline.features.essential", "base,console"));
        assertEquals(List.of(), runtime.awaitReady(Duration.ofSeconds(30)));
        deploy = distribution.deploy();
    }

    /** An optional feature made of the test plugin and a configuration for it, as a plugin feature would be. */
    private static void addItestFeature(Path home) throws IOException {
        Path jar = home.resolve("system/org/bridgeline/org.bridgeline.itest.plugin/1.0.0/org.bridgeline.itest.plugin-1.0.0.jar");
        Files.createDirectories(jar.getParent());
        Files.copy(TestDistribution.itestPlugin(), jar);
        Files.writeString(home.resolve("features/itest.json"), """
                {
                  "feature-resource-version": "1.0",
                  "id": "org.bridgeline.features:itest:1.0.0",
                  "description": "the test plugin",
                  "bundles": [ { "id": "org.bridgeline:org.bridgeline.itest.plugin:1.0.0" } ],
                  "configurations": { "org.bridgeline.itest.quiet": { "label": "configured by the itest feature" } }
                }
                """);
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.stop(Duration.ofSeconds(30));
        RuntimeLog.close();
        TestDistribution.keepLog(home, "HotDeployIT");
    }

    @AfterEach
    void emptyDeployFolder() throws Exception {
        try (Stream<Path> files = Files.list(deploy)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        TestDistribution.eventually(WAIT, () -> pluginBundles().isEmpty(), () -> "plugin bundles left: " + pluginBundles());
    }

    @Test
    void everyBundleOfTheFeaturesIsActiveAndHealthy() {
        for (Bundle bundle : runtime.context().getBundles()) {
            assertEquals(Bundle.ACTIVE, bundle.getState(), bundle.getSymbolicName() + " is not active");
        }
        assertTrue(console("bl:health").startsWith("ok: every bundle active"), console("bl:health"));
        String features = console("bl:features");
        for (String feature : List.of("base", "core", "console")) {
            assertTrue(features.lines().anyMatch(line -> line.startsWith(feature + " ") && line.contains("installed")), features);
        }
    }

    @Test
    void aDroppedJarIsInTheRegistryWithoutRestart() throws Exception {
        long copied = System.nanoTime();
        Files.copy(TestDistribution.itestPlugin(), deploy.resolve("itest.jar"));
        TestDistribution.eventually(WAIT, () -> row("itest-lines").contains("ACTIVE") && row("itest-quiet").contains("ACTIVE"),
                () -> console("bl:plugins"));
        System.out.printf("hot deploy: %d ms from copy to registry%n", (System.nanoTime() - copied) / 1_000_000);
        assertTrue(row("itest-quiet").startsWith("detector"), console("bl:plugins"));
        assertTrue(row("itest-lines").startsWith("parser"), console("bl:plugins"));
    }

    @Test
    void aReplacedJarUpdatesTheOldVersionGoesFirstAndActivatesOnce() throws Exception {
        Path jar = deploy.resolve("itest.jar");
        PluginJars.withVersion(jar, "1.0.0");
        TestDistribution.eventually(WAIT, () -> row("itest-lines").contains(" 1.0.0 "), () -> console("bl:plugins"));
        long logBefore = Files.size(home.resolve("log/bridgeline.log"));

        PluginJars.withVersion(jar, "1.0.1");
        TestDistribution.eventually(WAIT, () -> row("itest-lines").contains(" 1.0.1 "), () -> console("bl:plugins"));
        Thread.sleep(500); // a second activation would show up within this
        assertFalse(console("bl:plugins").contains(" 1.0.0 "), console("bl:plugins"));
        assertEquals(1, pluginBundles().size());

        String log = Files.readString(home.resolve("log/bridgeline.log")).substring((int) logBefore);
        List<String> lines = log.lines().filter(line -> line.contains("parser itest-lines")).toList();
        assertEquals(2, lines.size(), "one unregistration then one registration, found:\n" + String.join("\n", lines));
        assertTrue(lines.get(0).contains("plugin unregistered: parser itest-lines 1.0.0"), lines.get(0));
        assertTrue(lines.get(1).contains("plugin registered: parser itest-lines 1.0.1"), lines.get(1));
    }

    @Test
    void aDeletedJarIsRemoved() throws Exception {
        Path jar = deploy.resolve("itest.jar");
        Files.copy(TestDistribution.itestPlugin(), jar);
        TestDistribution.eventually(WAIT, () -> row("itest-lines").contains("ACTIVE"), () -> console("bl:plugins"));
        Files.delete(jar);
        TestDistribution.eventually(WAIT, () -> !attempt("bl:plugins").contains("itest"), () -> console("bl:plugins"));
        // the file installer stops the bundle (its plugins leave the registry), then uninstalls it
        TestDistribution.eventually(WAIT, () -> pluginBundles().isEmpty(), () -> pluginBundles().toString());
        assertEquals(List.of(), pluginBundles());
    }

    @Test
    void twoJarsWithOneSymbolicNameRunOnlyTheHighestVersion() throws Exception {
        PluginJars.withVersion(deploy.resolve("itest-2.0.0.jar"), "2.0.0");
        TestDistribution.eventually(WAIT, () -> row("itest-lines").contains(" 2.0.0 "), () -> console("bl:plugins"));
        PluginJars.withVersion(deploy.resolve("itest-1.0.0.jar"), "1.0.0");
        TestDistribution.eventually(WAIT, () -> attempt("bl:plugins").contains("SUPERSEDED"), () -> console("bl:plugins"));

        String superseded = row(PLUGIN);
        assertTrue(superseded.contains("1.0.0") && superseded.contains("superseded by version 2.0.0"), superseded);
        List<Bundle> active = pluginBundles().stream().filter(b -> b.getState() == Bundle.ACTIVE).toList();
        assertEquals(1, active.size(), "never both running");
        assertEquals("2.0.0", active.get(0).getVersion().toString());
        assertFalse(console("bl:plugins").contains("itest-lines  1.0.0"), console("bl:plugins"));
        assertTrue(Files.readString(home.resolve("log/bridgeline.log")).contains(
                "two jars with symbolic name " + PLUGIN + " in deploy/: kept 2.0.0 (itest-2.0.0.jar), set aside 1.0.0 (itest-1.0.0.jar)"));

        // the kept jar goes: the one set aside comes back
        Files.delete(deploy.resolve("itest-2.0.0.jar"));
        TestDistribution.eventually(WAIT, () -> row("itest-lines").contains(" 1.0.0 ") && row("itest-lines").contains("ACTIVE"),
                () -> console("bl:plugins"));
    }

    @Test
    void aJarThatCannotResolveSaysWhichRequirementIsMissing() throws Exception {
        PluginJars.needingPackage(deploy.resolve("needs-missing.jar"), "3.0.0", "com.example.missing;version=\"[1.0,2)\"");
        // the row is read until it says why: a console read can meet the plugin between install and the resolver's report
        TestDistribution.eventually(WAIT, () -> row(PLUGIN).contains("UNRESOLVED")
                && row(PLUGIN).contains("missing package com.example.missing version [1.0.0,2.0.0)"), () -> console("bl:plugins"));
        assertTrue(console("bl:status").contains("health      1 problem(s)"), console("bl:status"));
        TestDistribution.eventually(WAIT, () -> logContains("plugin failed: " + PLUGIN + " 3.0.0: missing package com.example.missing"),
                () -> "no failure line in the log");
    }

    @Test
    void aJarBuiltForAnotherApiVersionSaysSo() throws Exception {
        PluginJars.needingPackage(deploy.resolve("api2.jar"), "3.0.1", "org.bridgeline.api.parser;version=\"[2.0,3)\"");
        TestDistribution.eventually(WAIT, () -> row(PLUGIN).contains("UNRESOLVED")
                && row(PLUGIN).contains("missing package org.bridgeline.api.parser version [2.0.0,3.0.0) (available: 1.2.0)"),
                () -> console("bl:plugins"));
    }

    @Test
    void aFailingComponentIsReportedAndTheRestOfThePluginServes() throws Exception {
        PluginJars.withBrokenParserComponent(deploy.resolve("broken.jar"), "4.0.0");
        TestDistribution.eventually(WAIT, () -> attempt("bl:plugins").contains("FAILED") && row("itest-quiet").contains("ACTIVE"),
                () -> console("bl:plugins"));
        String failed = console("bl:plugins").lines().filter(line -> line.contains("FAILED")).findFirst().orElseThrow();
        assertTrue(failed.contains("component org.bridgeline.itest.plugin.LineParser failed to activate")
                && failed.contains("NoSuchParser"), failed);
        assertTrue(row("itest-quiet").contains("ACTIVE"), console("bl:plugins"));
        assertTrue(unhealthy().contains("NoSuchParser"), unhealthy());
    }

    @Test
    void aJarThatIsNotABundleIsRejectedWithAReason() throws Exception {
        Path jar = deploy.resolve("notabundle.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar), manifestWithoutSymbolicName())) {
            out.putNextEntry(new java.util.jar.JarEntry("readme.txt"));
        }
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 5000));
        TestDistribution.eventually(WAIT, () -> row("notabundle.jar").contains("REJECTED"), () -> console("bl:plugins"));
        assertTrue(row("notabundle.jar").contains("no Bundle-SymbolicName"), row("notabundle.jar"));
    }

    @Test
    void aConfigurationFileAppliesLive() throws Exception {
        Files.copy(TestDistribution.itestPlugin(), deploy.resolve("itest.jar"));
        TestDistribution.eventually(WAIT, () -> row("itest-quiet").contains("ACTIVE"), () -> console("bl:plugins"));
        Path cfg = home.resolve("conf/org.bridgeline.itest.quiet.cfg");
        Files.writeString(cfg, "label=configured from conf\n");
        TestDistribution.eventually(WAIT, () -> attempt("bl:plugin itest-quiet").contains("description  configured from conf"),
                () -> console("bl:plugin itest-quiet"));
        Path replacement = home.resolve("conf/quiet.tmp");
        Files.writeString(replacement, "label=changed again\n");
        Files.move(replacement, cfg, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        TestDistribution.eventually(WAIT, () -> attempt("bl:plugin itest-quiet").contains("description  changed again"),
                () -> console("bl:plugin itest-quiet"));
        Files.delete(cfg);
        TestDistribution.eventually(WAIT, () -> attempt("bl:plugin itest-quiet").contains("description  finds nothing"),
                () -> console("bl:plugin itest-quiet"));
    }

    @Test
    void aCarrierLayoutIsHotDeployedAsABundleOfJsonWithNoJava() throws Exception {
        Path jar = deploy.resolve("acme-layouts.jar");
        PluginJars.profileOnly(jar, home, "com.example.layouts.acme", java.util.Map.of("layouts/acme-csv.json", """
                    { "id": "acme-csv", "carrier": "Acme Fiber", "format": "monthly CSV", "detect": { "header": "^circuit,account,invoice,date,mrc$" },
                      "text": { "delimiter": "," },
                      "invoice": { "carrier": "Acme Fiber", "account": "{account}", "number": "{invoice}",
                                   "date": { "value": "{date}", "format": "yyyy-MM-dd" }, "currency": "USD" },
                      "lines": [ { "category": "RECURRING", "amount": "{mrc}", "serviceId": "{circuit}", "serviceType": "ETHERNET" } ] }
                    """));
        TestDistribution.eventually(WAIT, () -> row("acme-csv").contains("ACTIVE"), () -> console("bl:plugins"));
        assertTrue(row("acme-csv").contains("com.example.layouts.acme"), "the parser is the layout bundle's: " + row("acme-csv"));

        Path bill = home.resolve("acme-2026-01.csv");
        Files.writeString(bill, "circuit,account,invoice,date,mrc\nETH-1,AC-9,2026-01,2026-01-31,850.00\nETH-2,AC-9,2026-01,2026-01-31,425.50\n");
        String report = console("bl:import " + bill);
        assertTrue(report.contains("acme-2026-01.csv  acme-csv  1         2      IMPORTED"), report);
        String inventory = console("bl:inventory --type ETHERNET");
        // other tests share the runtime: their services may widen the columns
        assertTrue(inventory.lines().anyMatch(line -> line.matches("Acme Fiber +AC-9 +ETH-1 +ETHERNET .*850\\.00 USD.*")), inventory);

        Files.delete(jar);
        TestDistribution.eventually(WAIT, () -> !attempt("bl:plugins").contains("acme-csv"), () -> console("bl:plugins"));
    }

    /**
     * A carrier's 811 dialect is a profile-only bundle: dropped into deploy/, its parser is active and reads the carrier's
     * consolidated interchange (found by its sender id before the standard profile), BALANCED; removed, it is gone.
     */
    @Test
    void anX12ProfileIsHotDeployedAsABundleOfJson() throws Exception {
        Path x12 = Path.of("..").toAbsolutePath().normalize().resolve("bundles/org.bridgeline.parser.x12/src");
        String profile = Files.readString(x12.resolve("test/resources/corpus/x12-811-lumen.json"));
        Path jar = deploy.resolve("lumen-x12.jar");
        PluginJars.profileOnly(jar, home, "com.example.x12.lumen", java.util.Map.of("x12-profiles/x12-811-lumen.json", profile));
        TestDistribution.eventually(WAIT, () -> row("x12-811-lumen").contains("ACTIVE"), () -> console("bl:plugins"));
        assertTrue(row("x12-811-lumen").contains("com.example.x12.lumen"), row("x12-811-lumen"));

        String inspected = console("bl:x12-inspect " + x12.resolve("test/resources/corpus/lumen-consolidated.x12") + " --draft "
                + home.resolve("lumen-draft.json"));
        assertTrue(inspected.contains("HL nesting  1 > 2 > 3 > 8") && inspected.contains("REF         11         3  3030-1001, 3030-1002, 3030-2001")
                && inspected.contains("profile     x12-811-lumen: reads 12 of 12 codes"), "the deployed profile is weighed too: " + inspected);
        assertTrue(Files.readString(home.resolve("lumen-draft.json")).contains("\"LUMEN\": \"LUMEN\""));
        String report = console("bl:import " + x12.resolve("test/resources/corpus/lumen-consolidated.x12"));
        assertTrue(report.contains("lumen-consolidated.x12  x12-811-lumen  3         6      IMPORTED"), report);
        assertEquals(3, report.lines().filter(line -> line.startsWith("Lumen") && line.contains("BALANCED")).count(), report);
        assertTrue(console("bl:inventory --carrier Lumen").contains("71.KGFN.100201..LUMN"), console("bl:inventory --carrier Lumen"));

        Files.delete(jar);
        TestDistribution.eventually(WAIT, () -> !attempt("bl:plugins").contains("x12-811-lumen"), () -> console("bl:plugins"));
    }

    /**
     * Onboarding an 811 dialect nobody has a profile for: bl:x12-inspect drafts one from a sample, the operator chooses a
     * name for each EDIT value and nothing else, drops it into deploy/ as a jar of JSON, and the sample imports BALANCED.
     */
    @Test
    void anX12ProfileDraftedByTheInspectorAndEditedImportsItsSampleBalanced() throws Exception {
        Path sample = Path.of("..").toAbsolutePath().normalize().resolve("bundles/org.bridgeline.parser.x12/src/test/resources/fixtures/"
                + "northwind-variant.x12");
        Path draft = home.resolve("northwind-draft.json");
        assertTrue(console("bl:x12-inspect " + sample + " --draft " + draft).contains("HL nesting  SP > BA > CD"));
        String profile = Files.readString(draft);
        // the operator's choices, code by code: levels, REF, SI and AMT qualifiers
        java.util.Map<String, String> names = java.util.Map.ofEntries(java.util.Map.entry("SP", "provider"), java.util.Map.entry("BA", "account"),
                java.util.Map.entry("CD", "charge"), java.util.Map.entry("AN", "account"), java.util.Map.entry("CKT", "serviceId"),
                java.util.Map.entry("USO", "chargeCode"), java.util.Map.entry("LOC", "site"), java.util.Map.entry("SPD", "bandwidthMbps"),
                java.util.Map.entry("SVC", "serviceType"), java.util.Map.entry("1", "RECURRING"), java.util.Map.entry("3", "USAGE"));
        for (java.util.Map.Entry<String, String> name : names.entrySet()) {
            profile = profile.replaceAll("\"" + name.getKey() + "\": \"EDIT:[^\"]*\"", "\"" + name.getKey() + "\": \"" + name.getValue() + "\"");
        }
        assertFalse(profile.contains("\"EDIT:"), profile);
        Path jar = deploy.resolve("northwind-draft.jar");
        PluginJars.profileOnly(jar, home, "com.example.x12.northwind", java.util.Map.of("x12-profiles/northwind-draft.json", profile));
        try {
            TestDistribution.eventually(WAIT, () -> row("x12-811-northwind-draft").contains("ACTIVE"), () -> console("bl:plugins"));
            String report = console("bl:import " + sample + " --parser x12-811-northwind-draft");
            assertTrue(report.contains("x12-811-northwind-draft") && report.contains("BALANCED"), report);
        } finally {
            Files.delete(jar);
        }
        TestDistribution.eventually(WAIT, () -> !attempt("bl:plugins").contains("x12-811-northwind-draft"), () -> console("bl:plugins"));
    }

    /** A profile with a mistake is a failed plugin of its bundle: bl:plugins and bl:health name the file, the field and why. */
    @Test
    void aRejectedLayoutProfileIsAFailedPluginAndHealthSaysSo() throws Exception {
        Path jar = deploy.resolve("broken-layouts.jar");
        PluginJars.profileOnly(jar, home, "com.example.layouts.broken", java.util.Map.of("layouts/broken-csv.json", """
                { "id": "broken-csv", "carrier": "Broken Telecom", "format": "monthly CSV", "detect": { "header": "^a,b$" },
                  "text": { "delimiter": "," },
                  "invoice": { "carrier": "Broken", "account": "{a}", "number": "{b}", "date": { "value": "{b}", "format": "yyyy-MM-dd" },
                               "currency": "USD" },
                  "lines": [ { "category": "MONTHLY", "amount": "{a}" } ] }
                """));
        TestDistribution.eventually(WAIT, () -> row("broken-csv.json").contains("FAILED"), () -> console("bl:plugins"));
        String row = row("broken-csv.json");
        assertTrue(row.startsWith("parser") && row.contains("com.example.layouts.broken")
                && row.contains("profile rejected: field \"lines[0].category\": expected one of [RECURRING"), row);
        String health = unhealthy();
        assertTrue(health.contains("com.example.layouts.broken 1.0.0") && health.contains("parser broken-csv.json")
                && health.contains("lines[0].category"), health);

        Files.delete(jar);
        TestDistribution.eventually(WAIT, () -> !attempt("bl:plugins").contains("broken-csv"), () -> console("bl:plugins"));
        assertTrue(console("bl:health").startsWith("ok: every bundle active"), console("bl:health"));
    }

    @Test
    void anAuditFindsDuplicatesAndLateFeesAndADetectorFeatureComesAndGoesAtRunTime() throws Exception {
        Path jar = deploy.resolve("audit-layouts.jar");
        PluginJars.profileOnly(jar, home, "com.example.layouts.audit", java.util.Map.of("layouts/audit-csv.json", """
                    { "id": "audit-csv", "carrier": "Audit Telecom", "format": "audit test CSV", "detect": { "header": "^kind,circuit,account,invoice,date,code,description,amount$" },
                      "text": { "delimiter": "," },
                      "invoice": { "carrier": "Audit Telecom", "account": "{account}", "number": "{invoice}",
                                   "date": { "value": "{date}", "format": "yyyy-MM-dd" }, "currency": "USD" },
                      "lines": [
                        { "when": { "column": "kind", "equals": "MRC" }, "category": "RECURRING", "amount": "{amount}", "serviceId": "{circuit}",
                          "serviceType": "DIA", "chargeCode": "{code}", "description": "{description}" },
                        { "when": { "column": "kind", "equals": "FEE" }, "category": "ADJUSTMENT", "amount": "{amount}", "serviceId": "{circuit}",
                          "chargeCode": "{code}", "description": "{description}" } ] }
                    """));
        try {
            TestDistribution.eventually(WAIT, () -> row("audit-csv").contains("ACTIVE"), () -> console("bl:plugins"));
            Path bill = home.resolve("audit-bill.csv");
            Files.writeString(bill, """
                    kind,circuit,account,invoice,date,code,description,amount
                    MRC,CKT-A,AUD-1,A-2026-01,2026-01-31,DIA100,DIA 100 Mbps,850.00
                    MRC,CKT-A,AUD-1,A-2026-01,2026-01-31,DIA100,DIA 100 Mbps,850.00
                    MRC,CKT-B,AUD-1,A-2026-01,2026-01-31,DIA100,DIA 100 Mbps,850.00
                    FEE,ACCOUNT,AUD-1,A-2026-01,2026-01-31,LATE,Late payment charge,35.00
                    """);
            assertTrue(console("bl:import " + bill).contains("IMPORTED"));
            for (String detector : List.of("duplicate-charges", "late-fees", "cost-variance", "zero-usage", "taxes-and-surcharges",
                    "billed-after-disconnect", "inventory-mismatch", "rate-above-contract", "out-of-term-pricing", "unrequested-features",
                    "above-benchmark", "contract-policy", "benchmark-table", "fcc-urban-rate-survey", "rate-deck")) {
                assertTrue(row(detector).contains("ACTIVE"), detector + " is shipped and active: " + console("bl:plugins"));
            }

            String audit = console("bl:audit --carrier Audit\\ Telecom");
            assertTrue(audit.contains("duplicate-charge  1         850.00 USD      10200.00 USD"), audit);
            assertTrue(audit.contains("late-fee          1         35.00 USD       35.00 USD"), audit);
            String findings = console("bl:findings --kind duplicate-charge");
            String id = findings.lines().skip(2).findFirst().orElseThrow().split("\\s+")[0];
            String finding = console("bl:finding " + id);
            assertTrue(finding.contains("Audit Telecom billed DIA100 on CKT-A for the same period 2 times at 850.00 USD"), finding);
            assertTrue(finding.contains("audit-bill.csv record 2 (line 2)") && finding.contains("audit-bill.csv record 3 (line 3)"), finding);
            // the same data, audited again: the same findings
            assertEquals(audit.lines().filter(l -> l.contains("USD")).toList(),
                    console("bl:audit --carrier Audit\\ Telecom").lines().filter(l -> l.contains("USD")).toList());

            // the detectors go: the next audit has none; they come back: they contribute again
            console("bl:feature-uninstall detectors");
            assertTrue(failure("bl:audit").contains("no detector is registered"), failure("bl:audit"));
            console("bl:feature-install detectors");
            TestDistribution.eventually(WAIT, () -> row("duplicate-charges").contains("ACTIVE"), () -> console("bl:plugins"));
            assertTrue(console("bl:audit --carrier Audit\\ Telecom").contains("duplicate-charge  1"));
        } finally {
            Files.delete(jar);
        }
    }

    @Test
    void aFeatureIsInstalledAndUninstalledAtRunTimeWithItsConfiguration() throws Exception {
        assertTrue(console("bl:features").lines().anyMatch(line -> line.startsWith("itest ") && line.contains("available")));
        assertTrue(console("bl:feature-install itest").contains("installed feature itest (1 bundles)"));
        TestDistribution.eventually(WAIT, () -> attempt("bl:plugin itest-quiet").contains("description  configured by the itest feature"),
                () -> console("bl:plugins"));
        assertTrue(Files.readString(home.resolve("data/features.state")).lines().anyMatch("itest"::equals));

        assertTrue(console("bl:feature-uninstall itest").contains("uninstalled feature itest"));
        TestDistribution.eventually(WAIT, () -> !attempt("bl:plugins").contains("itest"), () -> console("bl:plugins"));
        assertEquals(List.of(), pluginBundles());
        assertTrue(Files.readString(home.resolve("data/features.state")).lines().noneMatch("itest"::equals));

        // the configuration went with the feature: installing again brings it back, not a stale copy
        assertTrue(console("bl:feature-install itest").contains("installed feature itest"));
        TestDistribution.eventually(WAIT, () -> attempt("bl:plugin itest-quiet").contains("configured by the itest feature"),
                () -> console("bl:plugins"));
        console("bl:feature-uninstall itest");
    }

    @Test
    void theConsoleRefusesToUninstallWhatItNeeds() {
        assertEquals("error: bl:feature-uninstall console: feature console is essential (bridgeline.features.essential in"
                + " conf/bridgeline.properties): without it the console could not install features again",
                failure("bl:feature-uninstall console"));
        String unknown = failure("bl:feature-install nosuch");
        assertTrue(unknown.startsWith("error: bl:feature-install nosuch: no feature named \"nosuch\"; the distribution has: base, "), unknown);
        assertTrue(unknown.contains(", core, ") && unknown.contains(", itest, "), unknown);
        assertTrue(console("bl:health").startsWith("ok"));
    }

    @Test
    void aFeatureOthersNeedIsNotUninstalled() {
        // this runtime lets the console uninstall core (see start()), so only the dependency check stands in the way
        // core's first bundle that another feature uses names that feature and what it uses
        String refusal = failure("bl:feature-uninstall core");
        assertTrue(refusal.matches("error: bl:feature-uninstall core: feature core is still needed: \\S+ \\(feature \\w+\\) uses \\S+ from \\S+; uninstall that first"),
                refusal);
        assertTrue(console("bl:health").startsWith("ok"));
    }

    private static String failure(String command) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(1, runtime.execute(List.of(command), InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        return err.toString(StandardCharsets.UTF_8).strip();
    }

    private static java.util.jar.Manifest manifestWithoutSymbolicName() {
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        return manifest;
    }

    private static boolean logContains(String text) {
        try {
            return Files.readString(home.resolve("log/bridgeline.log")).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static List<Bundle> pluginBundles() {
        return Arrays.stream(runtime.context().getBundles()).filter(b -> PLUGIN.equals(b.getSymbolicName())).toList();
    }

    /** The bl:plugins row whose id column is {@code id}, or an empty string. */
    private static String row(String id) {
        return attempt("bl:plugins").lines().filter(line -> line.split("\\s+").length > 1 && line.split("\\s+")[1].equals(id))
                .findFirst().orElse("");
    }

    /** The command's output, or an empty string when it fails: for conditions that are checked until they hold. */
    static String attempt(String command) {
        try {
            return console(command);
        } catch (AssertionError e) {
            return "";
        }
    }

    /** bl:health's table of problems; the command itself fails, as a probe must see. */
    static String unhealthy() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = runtime.execute(List.of("bl:health"), InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, status, "bl:health with a problem: " + out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("the runtime is not healthy"), err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    static String console(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = runtime.execute(List.of(command), InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new AssertionError(command + " failed: " + err.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
