package org.bridgeline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partner's first hour, as the issue measures it: a project generated from the template in an
 * empty folder, built offline against the api and testkit in Maven's local repository with its
 * conformance test, its jar dropped into a running runtime's deploy/, a sample in the new format
 * imported through the console, its lines in the inventory and an audit: no restart, no core change.
 */
class PartnerTemplateIT {

    private static final Path PROJECT_ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String VERSION = "1.0.0-SNAPSHOT";

    @TempDir
    static Path home;
    @TempDir
    static Path workspace;

    @BeforeAll
    static void prepare() throws Exception {
        TestDistribution.copyTo(home);
        // what `mvn install` of the SDK puts in the local repository: the parent pom, the api, the testkit and
        // what it brings, and the template
        // (online: a fresh machine may not have the install plugin yet; the partner's build below is offline)
        maven(false, PROJECT_ROOT, "install:install-file", "-Dfile=pom.xml", "-DpomFile=pom.xml", "-Dpackaging=pom");
        Path bom = PROJECT_ROOT.resolve("bundles/org.bridgeline.bom/pom.xml");
        maven(false, PROJECT_ROOT, "install:install-file", "-Dfile=" + bom, "-DpomFile=" + bom, "-Dpackaging=pom");
        for (String module : List.of("org.bridgeline.api", "org.bridgeline.store", "org.bridgeline.enterprise", "org.bridgeline.testkit",
                "org.bridgeline.parser.layout", "org.bridgeline.parser.x12", "org.bridgeline.partner.archetype",
                "org.bridgeline.partner.layout.archetype")) {
            Path folder = PROJECT_ROOT.resolve("bundles").resolve(module);
            maven(false, PROJECT_ROOT, "install:install-file", "-Dfile=" + folder.resolve("target/" + module + "-" + VERSION + ".jar"),
                    "-DpomFile=" + folder.resolve("pom.xml"));
        }
    }

    @AfterAll
    static void keepLog() throws IOException {
        TestDistribution.keepLog(home, "PartnerTemplateIT");
    }

    /** Runs Maven in a folder, offline unless told; fails with its output when it fails. */
    private static String maven(boolean offline, Path folder, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(offline ? List.of("mvn", "-o", "-B", "-q") : List.of("mvn", "-B", "-q"));
        // the same local repository as the build that runs this test (an empty one proves a fresh machine)
        String repository = System.getProperty("bridgeline.maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile("mvn-out", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", arguments) + " did not finish");
        }
        String output = Files.readString(out);
        Files.delete(out);
        assertEquals(0, process.exitValue(), "mvn " + String.join(" ", arguments) + " in " + folder + ":\n" + output);
        return output;
    }

    /** A project from one of the templates, offline, in {@code folder}/{@code artifactId}, its code in {@code groupId.subpackage}. */
    private static void generate(Path folder, String archetype, String groupId, String artifactId, String subpackage, String carrier,
            String... more)
            throws Exception {
        List<String> arguments = new ArrayList<>(List.of("org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate",
                "-DarchetypeGroupId=org.bridgeline", "-DarchetypeArtifactId=" + archetype, "-DarchetypeVersion=" + VERSION,
                "-DgroupId=" + groupId, "-DartifactId=" + artifactId, "-Dversion=1.0.0",
                "-Dpackage=" + groupId + "." + subpackage, "-Dcarrier=" + carrier,
                "-DinteractiveMode=false"));
        arguments.addAll(List.of(more));
        maven(true, folder, arguments.toArray(String[]::new));
    }

    @Test
    void aProjectFromTheTemplateBuildsPassesTheKitAndReadsItsBillsInARunningRuntime() throws Exception {
        generate(workspace, "org.bridgeline.partner.archetype", "com.northbeam", "northbeam-parser", "bills", "Northbeam Telecom",
                "-DparserId=northbeam-csv");
        Path project = workspace.resolve("northbeam-parser");
        assertTrue(Files.isRegularFile(project.resolve("src/main/java/com/northbeam/bills/internal/CarrierParser.java")));

        maven(true, project, "verify");
        assertResolvesTheVersionsTheRuntimeShips(project);
        Path jar = project.resolve("target/northbeam-parser-1.0.0.jar");
        assertTrue(Files.isRegularFile(jar), "the build makes the jar to deploy");
        String report = Files.readString(project.resolve("target/surefire-reports/TEST-com.northbeam.bills.CarrierParserTest.xml"));
        assertTrue(report.contains("tests=\"1\"") && report.contains("failures=\"0\"") && report.contains("errors=\"0\"")
                && report.contains("skipped=\"0\""), "the kit's test ran and passed: " + report);

        assertEquals(0, BinBridgeline.run(home, "start").status());
        try {
            Files.copy(jar, home.resolve("deploy").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            awaitActive("northbeam-csv");
            BinBridgeline.Result used = BinBridgeline.run(home, "client", "bl:import " + project.resolve("src/test/resources/sample-bill.csv"),
                    "bl:inventory --carrier Northbeam\\ Telecom", "bl:audit");
            assertEquals(0, used.status(), used.err());
            String out = used.out();
            assertTrue(out.contains("northbeam-csv") && out.contains("IMPORTED"), "imported by the partner's parser: " + out);
            assertTrue(out.contains("CKT-100") && out.contains("555-0100"), "its services in the inventory: " + out);
            assertTrue(out.contains("duplicate-charge  1"), "its lines in an audit: the sample bills CKT-100 twice: " + out);
        } finally {
            BinBridgeline.run(home, "stop");
        }
    }

    /** Waits until bl:plugins lists the parser ACTIVE: a dropped jar's parser is active without a restart. */
    private static void awaitActive(String parserId) throws Exception {
        String plugins = "";
        for (long deadline = System.currentTimeMillis() + 20_000; System.currentTimeMillis() < deadline; Thread.sleep(200)) {
            plugins = BinBridgeline.run(home, "client", "bl:plugins").out();
            if (plugins.lines().anyMatch(line -> line.contains(parserId) && line.contains("ACTIVE"))) {
                return;
            }
        }
        throw new AssertionError(parserId + " is not ACTIVE within 20 s of its jar arriving: " + plugins);
    }

    /**
     * Every artifact the partner's project resolves that the runtime also ships must be the version the runtime ships:
     * a partner compiles and tests against what runs (the template imports org.bridgeline.bom).
     */
    private static void assertResolvesTheVersionsTheRuntimeShips(Path project) throws Exception {
        Path listed = project.resolve("target/resolved.txt");
        maven(true, project, "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:list", "-DoutputFile=" + listed,
                "-DexcludeTransitive=false", "-DoutputAbsoluteArtifactFilename=false");
        Path system = home.resolve("system");
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (String line : Files.readAllLines(listed)) {
            // group:artifact:type[:classifier]:version:scope, perhaps followed by " -- module ..."
            String[] gav = line.strip().split(" ")[0].split(":");
            if (gav.length != 5 && gav.length != 6) {
                continue;
            }
            String group = gav[0];
            String artifact = gav[1];
            String version = gav[gav.length - 2];
            Path shipped = system.resolve(group.replace('.', '/')).resolve(artifact);
            if (group.equals("org.bridgeline") || !Files.isDirectory(shipped)) {
                continue;
            }
            compared++;
            try (var versions = Files.list(shipped)) {
                List<String> runtime = versions.map(path -> path.getFileName().toString()).toList();
                if (!runtime.contains(version)) {
                    differences.add(group + ":" + artifact + " " + version + " (the runtime ships " + runtime + ")");
                }
            }
        }
        assertTrue(compared >= 2, "the partner's project resolves the OSGi utilities the runtime ships: " + Files.readString(listed));
        assertTrue(differences.isEmpty(), "the template resolves other versions than the runtime ships: " + differences);
    }

    /** A partner renames the template's parser class and builds again without clean: no descriptor of the old name is left. */
    @Test
    void renamingTheParserClassLeavesNoStaleComponentInTheJar() throws Exception {
        Path folder = Files.createDirectories(workspace.resolve("rename"));
        generate(folder, "org.bridgeline.partner.archetype", "com.eastgate", "eastgate-parser", "bills", "Eastgate Telecom",
                "-DparserId=eastgate-csv");
        Path project = folder.resolve("eastgate-parser");
        maven(true, project, "package", "-DskipTests");
        Path sources = project.resolve("src/main/java/com/eastgate/bills/internal");
        String code = Files.readString(sources.resolve("CarrierParser.java"));
        Files.writeString(sources.resolve("EastgateParser.java"), code.replace("CarrierParser", "EastgateParser"));
        Files.delete(sources.resolve("CarrierParser.java"));
        Path test = project.resolve("src/test/java/com/eastgate/bills/CarrierParserTest.java");
        Files.writeString(test, Files.readString(test).replace("CarrierParser(", "EastgateParser(").replace("internal.CarrierParser",
                "internal.EastgateParser"));
        maven(true, project, "package", "-DskipTests");
        List<String> entries;
        try (var jar = new java.util.jar.JarFile(project.resolve("target/eastgate-parser-1.0.0.jar").toFile())) {
            entries = jar.stream().map(java.util.zip.ZipEntry::getName).toList();
        }
        assertTrue(entries.stream().anyMatch(name -> name.startsWith("OSGI-INF/") && name.contains("EastgateParser")), entries.toString());
        assertTrue(entries.stream().noneMatch(name -> name.contains("CarrierParser")), "nothing of the old name is left: " + entries);
    }

    /**
     * The profile-only route: a project from the layout template builds offline with only the test dependencies it names
     * (the kit runs the runtime's layout parser on its profile), and its jar of JSON reads report-style exports, with
     * preamble fields and footer totals, BALANCED in a running runtime.
     */
    @Test
    void aProjectFromTheLayoutTemplatePassesTheKitAndImportsReportsBalanced() throws Exception {
        Path folder = Files.createDirectories(workspace.resolve("layouts"));
        generate(folder, "org.bridgeline.partner.layout.archetype", "com.northbeam", "northbeam-layouts", "layouts", "Northbeam Mobile");
        Path project = folder.resolve("northbeam-layouts");
        maven(true, project, "verify");
        String report = Files.readString(project.resolve("target/surefire-reports/TEST-com.northbeam.layouts.LayoutProfilesTest.xml"));
        assertTrue(report.contains("tests=\"3\"") && report.contains("failures=\"0\"") && report.contains("errors=\"0\"")
                && report.contains("skipped=\"0\""), "the kit's tests ran and passed: " + report);
        Path jar = project.resolve("target/northbeam-layouts-1.0.0.jar");
        List<String> entries;
        try (var opened = new java.util.jar.JarFile(jar.toFile())) {
            entries = opened.stream().map(java.util.zip.ZipEntry::getName).toList();
        }
        assertTrue(entries.contains("layouts/northbeam-mobile-report.json") && entries.contains("x12-profiles/x12-811-lumen.json")
                && entries.stream().noneMatch(name -> name.endsWith(".class")),
                "a jar of JSON, no Java: " + entries);

        Path reports = PROJECT_ROOT.resolve("bundles/org.bridgeline.parser.layout/src/test/resources/reports");
        assertEquals(0, BinBridgeline.run(home, "start").status());
        try {
            Files.copy(jar, home.resolve("deploy").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            awaitActive("northbeam-mobile-report");
            awaitActive("x12-811-lumen");
            BinBridgeline.Result used = BinBridgeline.run(home, "client", "bl:import " + reports.resolve("northbeam-mobile-2023-02.csv"),
                    "bl:import " + reports.resolve("northbeam-mobile-2023-03-bom.csv"));
            assertEquals(0, used.status(), used.out() + used.err());
            String out = used.out();
            assertTrue(out.contains("1341.16 CAD  1341.16 CAD  BALANCED"), "the footer's Total Current Charges reconciles: " + out);
            assertEquals(2, out.lines().filter(line -> line.contains("northbeam-mobile-report") && line.contains("IMPORTED")).count(),
                    "both reports read by the partner's profile, the one with a byte-order mark too: " + out);
            assertEquals(2, out.lines().filter(line -> line.startsWith("Northbeam Mobile  11223344") && line.contains("BALANCED")).count(),
                    "account from the preamble, total from the footer, balanced: " + out);
            BinBridgeline.Result x12 = BinBridgeline.run(home, "client", "bl:import " + PROJECT_ROOT.resolve(
                    "bundles/org.bridgeline.parser.x12/src/test/resources/corpus/lumen-consolidated.x12"));
            assertEquals(0, x12.status(), x12.out() + x12.err());
            assertTrue(x12.out().contains("lumen-consolidated.x12  x12-811-lumen  3         6      IMPORTED"), "the dialect's parser: " + x12.out());
            assertEquals(3, x12.out().lines().filter(line -> line.startsWith("Lumen") && line.contains("BALANCED")).count(), x12.out());
        } finally {
            BinBridgeline.run(home, "stop");
        }
    }
}
