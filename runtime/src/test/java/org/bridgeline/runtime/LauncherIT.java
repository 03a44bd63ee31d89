package org.bridgeline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/bridgeline} as an operator runs it: separate processes, exit statuses, stdout and stderr. */
class LauncherIT {

    @TempDir
    static Path home;

    @BeforeAll
    static void copyDistribution() throws IOException {
        TestDistribution.copyTo(home);
    }

    @AfterAll
    static void stopAnythingLeft() throws Exception {
        run("stop");
        TestDistribution.keepLog(home, "LauncherIT");
    }

    static BinBridgeline.Result run(String... args) throws IOException, InterruptedException {
        return BinBridgeline.run(home, args);
    }

    @Test
    void everySubcommandExplainsItself() throws Exception {
        for (String subcommand : List.of("run", "exec", "start", "stop", "status", "client")) {
            BinBridgeline.Result help = run(subcommand, "--help");
            assertEquals(0, help.status(), subcommand + ": " + help.err());
            assertTrue(help.out().startsWith("usage: bridgeline " + subcommand), help.out());
        }
        BinBridgeline.Result unknown = run("frobnicate");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("bridgeline: unknown command 'frobnicate'"), unknown.err());
    }

    @Test
    void execRunsCommandsInOrderAndStopsAtTheFirstFailure() throws Exception {
        BinBridgeline.Result ok = run("exec", "bl:status", "bl:health");
        assertEquals(0, ok.status(), ok.err());
        assertTrue(ok.out().startsWith("uptime "), ok.out());
        assertTrue(ok.out().contains("ok: every bundle active, every component satisfied"), ok.out());
        assertEquals("", ok.err());
        // exec's commands are about to read the store: its database opens as the runtime starts, not at first use
        assertTrue(ok.out().matches("(?s).*\\ndatabase    DuckDB \\S+ \\((open|opening)\\)\\n.*"), ok.out());

        BinBridgeline.Result failed = run("exec", "bl:health", "bl:no-such-command", "bl:status");
        assertEquals(1, failed.status());
        assertTrue(failed.out().contains("ok: every bundle active"), failed.out());
        assertFalse(failed.out().contains("uptime"), "commands after the failure must not run: " + failed.out());
        assertEquals("error: bl:no-such-command: Command not found: bl:no-such-command", failed.err().strip());

        BinBridgeline.Result badOption = run("exec", "bl:plugins --verbose");
        assertEquals(1, badOption.status());
        assertEquals("error: bl:plugins --verbose: bl:plugins: unknown option --verbose (see bl:plugins --help)",
                badOption.err().strip());
    }

    /** Commands of every bundle are in bl:help, and every one fails with status 1 on a bad argument. */
    @Test
    void helpListsEveryBundlesCommandsAndBadArgumentsFailTheSameWay() throws Exception {
        BinBridgeline.Result help = run("exec", "bl:help");
        assertEquals(0, help.status(), help.err());
        for (String command : List.of("bl:help", "bl:import", "bl:package", "bl:demo", "bl:enterprise", "bl:audit")) {
            assertTrue(help.out().lines().anyMatch(line -> line.startsWith(command + " ")), command + " in bl:help: " + help.out());
        }
        BinBridgeline.Result usage = run("exec", "bl:package --help");
        assertEquals(0, usage.status(), usage.err());
        assertTrue(usage.out().startsWith("bl:package - "), usage.out());
        for (String[] bad : new String[][] {
            {"bl:package --outt x", "error: bl:package --outt x: bl:package: unknown option --outt (see bl:package --help)"},
            {"bl:package", "error: bl:package: bl:package: expected one carrier or --all, found nothing (see bl:package --help)"},
            {"bl:demo --sites 0", "error: bl:demo --sites 0: bl:demo: --sites expects a whole number from 1 to 10000, found \"0\""},
            {"bl:enterprise generate", "error: bl:enterprise generate: bl:enterprise: expected generate DIR or score DIR, found generate"
                    + " (see bl:enterprise --help)"}}) {
            BinBridgeline.Result failed = run("exec", bad[0]);
            assertEquals(1, failed.status(), bad[0] + ": " + failed.out());
            assertEquals(bad[1], failed.err().strip());
        }
    }

    @Test
    void startClientStatusStopRoundTrip() throws Exception {
        BinBridgeline.Result start = run("start");
        assertEquals(0, start.status(), start.err());
        assertTrue(start.out().startsWith("bridgeline started (pid "), start.out());
        try {
            assertEquals(1, run("start").status(), "a second start must refuse");

            BinBridgeline.Result status = run("status");
            assertEquals(0, status.status());
            assertTrue(status.out().startsWith("bridgeline is running (pid "), status.out());

            // only the owning user can reach the control socket
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("data/run"))));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("data/run/bridgeline.sock"))));

            String database = "database    DuckDB " + home.resolve("data/bridgeline.duckdb");
            BinBridgeline.Result plugins = run("client", "bl:health", "bl:plugins", "bl:status", "bl:invoices", "bl:status");
            assertEquals(0, plugins.status(), plugins.err());
            assertTrue(plugins.out().startsWith("ok: every bundle active"), plugins.out());
            // the server's embedded database opens at first use, not at start
            int unopened = plugins.out().indexOf(database + " (opens at first use)");
            assertTrue(unopened >= 0 && plugins.out().indexOf(database + " (open)") > unopened, plugins.out());

            BinBridgeline.Result failing = run("client", "bl:feature-install nosuch");
            assertEquals(1, failing.status());
            assertTrue(failing.err().startsWith("error: bl:feature-install nosuch: no feature named \"nosuch\""), failing.err());
        } finally {
            BinBridgeline.Result stop = run("stop");
            assertEquals(0, stop.status(), stop.err());
            assertTrue(stop.out().startsWith("bridgeline stopped"), stop.out());
        }
        BinBridgeline.Result after = run("status");
        assertEquals(3, after.status());
        assertEquals("bridgeline is not running", after.out().strip());
        assertFalse(Files.exists(home.resolve("data/bridgeline.pid")));
        String log = Files.readString(home.resolve("log/bridgeline.log"));
        assertTrue(log.contains("framework stopping") && log.contains("framework stopped"), "a clean stop is logged");
        // every tenant's bills are in the book and named in the log: the user that runs the runtime alone reads them
        for (String file : List.of("data/bridgeline.duckdb", "log/bridgeline.log")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(file))), file);
        }

        BinBridgeline.Result client = run("client", "bl:status");
        assertEquals(3, client.status());
        assertTrue(client.err().startsWith("error: no runtime is running from"), client.err());
    }

    /**
     * A server left alone closes its embedded database, handing DuckDB's memory back: intake's passes do not keep it
     * open, and the next command that reads the store opens it again.
     */
    @Test
    void aServerLeftAloneClosesItsDatabaseAndTheNextUseOpensIt() throws Exception {
        Path config = home.resolve("conf/org.bridgeline.store.duckdb.cfg");
        Files.writeString(config, "closeWhenUnusedSeconds = 3\n"); // longer than intake's 2 s between passes
        assertEquals(0, run("start").status());
        try {
            String database = "database    DuckDB " + home.resolve("data/bridgeline.duckdb");
            BinBridgeline.Result used = run("client", "bl:invoices", "bl:status");
            assertEquals(0, used.status(), used.err());
            assertTrue(used.out().contains(database + " (open)"), used.out());

            String closed = database + " (closed while unused, opens at the next use)";
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            String status;
            do {
                Thread.sleep(500);
                status = run("client", "bl:status").out();
            } while (!status.contains(closed) && System.nanoTime() < deadline);
            assertTrue(status.contains(closed), status);
            assertTrue(Files.readString(home.resolve("log/bridgeline.log")).contains("store closed, unused for 3 s"));

            BinBridgeline.Result again = run("client", "bl:invoices", "bl:status");
            assertEquals(0, again.status(), again.err());
            assertTrue(again.out().contains(database + " (open)"), again.out());
        } finally {
            run("stop");
            Files.deleteIfExists(config);
        }
    }

    /** exec and demo while the background runtime runs: the commands run in it; no second framework boots. */
    @Test
    void execWhileTheBackgroundRuntimeRunsSendsTheCommandsToIt() throws Exception {
        assertEquals(0, run("start").status());
        try {
            long pid = Long.parseLong(Files.readString(home.resolve("data/bridgeline.pid")).strip());
            int boots = count(Files.readString(home.resolve("log/bridgeline.log")), "framework initialising");

            BinBridgeline.Result exec = run("exec", "bl:status", "bl:health");
            assertEquals(0, exec.status(), exec.err());
            assertTrue(exec.out().contains("database    DuckDB " + home.resolve("data/bridgeline.duckdb") + " (opens at first use)"), exec.out());
            assertTrue(exec.out().contains("ok: every bundle active"), exec.out());
            assertEquals("bridgeline: the background runtime (pid " + pid + ") runs the commands", exec.err().strip());

            BinBridgeline.Result failing = run("exec", "bl:no-such-command");
            assertEquals(1, failing.status());
            assertTrue(failing.err().contains("error: bl:no-such-command: Command not found"), failing.err());

            BinBridgeline.Result foreground = run("run");
            assertEquals(1, foreground.status());
            assertEquals("error: bridgeline is running in the background from " + home.toRealPath() + " (pid " + pid + "): give it"
                    + " commands with bridgeline client \"CMD\" or its SSH console, or stop it first (bridgeline stop)",
                    foreground.err().strip());

            assertEquals(boots, count(Files.readString(home.resolve("log/bridgeline.log")), "framework initialising"),
                    "no second framework may boot beside the background runtime");
        } finally {
            assertEquals(0, run("stop").status());
        }
    }

    /** A runtime in the foreground (run, exec) keeps the installation: start and a second exec are refused, named. */
    @Test
    void aForegroundRuntimeKeepsTheInstallationToItself() throws Exception {
        Process foreground = runUntilReady(home);
        try {
            long pid = foreground.descendants().filter(p -> p.info().command().orElse("").endsWith("java")).findFirst()
                    .orElse(foreground.toHandle()).pid();
            String holder = "another bridgeline runtime is running from " + home.toRealPath() + " (pid " + pid + ", bridgeline run)";

            BinBridgeline.Result start = run("start");
            assertEquals(1, start.status());
            assertEquals("error: " + holder + "; start the background runtime once it has ended", start.err().strip());
            assertFalse(Files.exists(home.resolve("data/bridgeline.pid")));

            BinBridgeline.Result exec = run("exec", "bl:status");
            assertEquals(1, exec.status());
            assertEquals("error: " + holder + "; one runtime at a time uses its data/ (bundle cache, store, ports): wait for it"
                    + " to end, or stop it", exec.err().strip());
            assertEquals("", exec.out());

            BinBridgeline.Result status = run("status");
            assertEquals(3, status.status());
            assertEquals("bridgeline is not running in the background; a runtime in the foreground uses this installation (pid "
                    + pid + ", bridgeline run)", status.out().strip());
        } finally {
            foreground.destroy();
            assertTrue(foreground.waitFor(30, TimeUnit.SECONDS), "run did not stop on SIGTERM");
        }
        BinBridgeline.Result after = run("exec", "bl:status");
        assertEquals(0, after.status(), after.err());
        assertTrue(after.out().startsWith("uptime "), after.out());
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    @Test
    void aJarDeletedWhileTheRuntimeIsDownIsGoneAfterTheNextStart() throws Exception {
        Path jar = home.resolve("deploy/itest.jar");
        Files.copy(TestDistribution.itestPlugin(), jar);
        BinBridgeline.Result before = run("exec", "bl:plugins");
        assertEquals(0, before.status(), before.err());
        assertTrue(before.out().contains("itest-lines"), before.out());

        Files.delete(jar);
        BinBridgeline.Result after = run("exec", "bl:plugins");
        assertEquals(0, after.status(), after.err());
        assertFalse(after.out().contains("itest"), after.out());
        assertTrue(Files.readString(home.resolve("log/bridgeline.log")).contains("itest.jar was deleted while the runtime was down"));
    }

    @Test
    void configurationFilesPresentAtStartApplyBeforeTheFirstCommand() throws Exception {
        Path cfg = home.resolve("conf/org.bridgeline.itest.quiet.cfg");
        Path jar = home.resolve("deploy/itest.jar");
        Files.writeString(cfg, "label=set before start\n");
        Files.copy(TestDistribution.itestPlugin(), jar);
        try {
            BinBridgeline.Result result = run("exec", "bl:plugin itest-quiet");
            assertEquals(0, result.status(), result.err());
            assertTrue(result.out().contains("description  set before start"), result.out());
            assertEquals("label=set before start\n", Files.readString(cfg), "the runtime never rewrites an operator's file");
        } finally {
            Files.delete(cfg);
            Files.delete(jar);
        }
    }

    @Test
    void aDistributionCopiedElsewhereAfterUseStillStarts(@TempDir Path elsewhere) throws Exception {
        assertEquals(0, run("exec", "bl:status").status());
        Path copy = elsewhere.resolve("bridgeline");
        copyTree(home, copy);
        BinBridgeline.Result moved = BinBridgeline.run(copy, "exec", "bl:health");
        assertEquals(0, moved.status(), moved.err());
        assertTrue(moved.out().startsWith("ok"), moved.out());
        assertTrue(Files.readString(copy.resolve("log/bridgeline.log")).contains("the framework cache is rebuilt"));
    }

    /**
     * An upgrade unpacked over a distribution keeps its build's file times, which may be older than the
     * installation it replaces: the bundle is read afresh all the same, components included.
     */
    @Test
    void aBundleReplacedInSystemIsReadAfreshEvenWhenItsFileIsOlder(@TempDir Path upgraded) throws Exception {
        TestDistribution.copyTo(upgraded);
        BinBridgeline.Result before = BinBridgeline.run(upgraded, "exec", "bl:plugins");
        assertEquals(0, before.status(), before.err());
        assertTrue(before.out().contains("late-fees") && before.out().contains("cost-variance"), before.out());

        Path jar;
        try (var jars = Files.walk(upgraded.resolve("system"))) {
            jar = jars.filter(file -> file.getFileName().toString().startsWith("org.bridgeline.detect.billing-")).findFirst().orElseThrow();
        }
        FileTime installedBefore = FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - TimeUnit.DAYS.toMillis(1));
        withoutComponent(jar, "LateFeeDetector");
        Files.setLastModifiedTime(jar, installedBefore);

        BinBridgeline.Result after = BinBridgeline.run(upgraded, "exec", "bl:plugins");
        assertEquals(0, after.status(), after.err());
        assertFalse(after.out().contains("late-fees"), "the replaced jar has no late-fee detector: " + after.out());
        assertTrue(after.out().contains("cost-variance"), after.out());
    }

    /** Rewrites a bundle without one of its components, as a later build that dropped it would be. */
    private static void withoutComponent(Path jar, String component) throws IOException {
        Path rewritten = jar.resolveSibling("rewritten.jar");
        try (JarFile original = new JarFile(jar.toFile())) {
            Manifest manifest = original.getManifest();
            String components = manifest.getMainAttributes().getValue("Service-Component");
            String kept = java.util.Arrays.stream(components.split(",")).filter(entry -> !entry.contains(component))
                    .collect(java.util.stream.Collectors.joining(","));
            assertFalse(kept.equals(components), "no component " + component + " in " + components);
            manifest.getMainAttributes().putValue("Service-Component", kept);
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(rewritten), manifest)) {
                for (JarEntry entry : java.util.Collections.list(original.entries())) {
                    if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (var in = original.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                }
            }
        }
        Files.move(rewritten, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!source.getFileName().toString().endsWith(".sock")) {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    @Test
    void runWithoutATerminalKeepsRunningWhenInputEnds() throws Exception {
        Process process = runUntilReady(home); // its input ends at once
        try {
            Thread.sleep(1500);
            assertTrue(process.isAlive(), "the runtime stopped when its input ended");
            process.destroy(); // SIGTERM, as a service manager stops it
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "did not stop on SIGTERM");
        } finally {
            process.destroyForcibly();
        }
        TestDistribution.eventually(Duration.ofSeconds(5), () -> {
            try {
                return Files.readString(home.resolve("log/bridgeline.log")).contains("framework stopped");
            } catch (IOException e) {
                return false;
            }
        }, () -> "no clean stop in the log");
    }

    /**
     * A fresh installation started in the background records the class-data archive while it serves; the archive is
     * written as the server exits and kept by a clean stop; the next start maps it.
     */
    @Test
    void aServersFirstStartRecordsTheClassDataArchiveAndTheNextStartMapsIt(@TempDir Path fresh) throws Exception {
        TestDistribution.copyTo(fresh);
        Path cds = fresh.resolve("data/cds");
        BinBridgeline.Result first = BinBridgeline.run(fresh, "start");
        assertEquals(0, first.status(), first.err());
        try {
            assertEquals(List.of(), filesIn(cds), "nothing is written before the server exits");
        } finally {
            BinBridgeline.Result stop = BinBridgeline.run(fresh, "stop");
            assertEquals(0, stop.status(), stop.err());
        }
        List<Path> recorded = filesIn(cds);
        assertEquals(1, recorded.size(), "one archive, no recording left: " + recorded);
        Path archive = recorded.get(0);
        assertTrue(archive.getFileName().toString().matches("bridgeline-\\d+\\.jsa"), archive.toString());

        BinBridgeline.Result second = BinBridgeline.run(fresh, "start");
        assertEquals(0, second.status(), second.err());
        try {
            String pid = Files.readString(fresh.resolve("data/bridgeline.pid")).strip();
            assertTrue(Files.readString(Path.of("/proc", pid, "maps")).contains(archive.toRealPath().toString()),
                    "the second server maps " + archive);
        } finally {
            assertEquals(0, BinBridgeline.run(fresh, "stop").status());
        }
        assertEquals(recorded, filesIn(cds), "an archive that exists is kept as it is");
        TestDistribution.keepLog(fresh, "LauncherIT-cds-server");
    }

    /**
     * A foreground run that records the archive has bin/bridgeline wait for its JVM; a service manager's SIGTERM
     * to the script still stops the runtime cleanly, and the script exits only after it, the archive kept.
     */
    @Test
    void aRecordingRunStoppedBySigtermStopsCleanlyAndKeepsItsArchive(@TempDir Path fresh) throws Exception {
        TestDistribution.copyTo(fresh);
        Process script = runUntilReady(fresh);
        try {
            List<ProcessHandle> runtimes = script.descendants().toList();
            assertEquals(1, runtimes.size(), "the script's one child is the runtime's JVM: " + runtimes);
            script.destroy(); // SIGTERM to the script alone, as a service manager whose main process it is
            assertTrue(script.waitFor(60, TimeUnit.SECONDS), "did not stop on SIGTERM");
            assertFalse(runtimes.get(0).isAlive(), "the script exited before the runtime it started");
        } finally {
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
        }
        assertEquals(143, script.exitValue(), "the runtime's own status on SIGTERM");
        assertTrue(Files.readString(fresh.resolve("log/bridgeline.log")).contains("framework stopped"), "a clean stop is logged");
        List<Path> recorded = filesIn(fresh.resolve("data/cds"));
        assertEquals(1, recorded.size(), "one archive, no recording left: " + recorded);
        assertTrue(recorded.get(0).getFileName().toString().matches("bridgeline-\\d+\\.jsa"), recorded.toString());
    }

    /** A recording run started with its input closed (some schedulers do): it runs, records, and reads no input. */
    @Test
    void aRecordingRunWithItsInputClosedRunsAndRecords(@TempDir Path fresh) throws Exception {
        TestDistribution.copyTo(fresh);
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", "exec \"$0\" exec bl:health <&-", fresh.resolve("bin/bridgeline").toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process script = builder.redirectErrorStream(true).start();
        String out = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(script.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, script.exitValue(), out);
        assertTrue(out.startsWith("ok: every bundle active"), out);
        assertEquals(1, filesIn(fresh.resolve("data/cds")).size(), "the archive is recorded");
    }

    /** bin/bridgeline run with its input closed at once, as a service manager starts it; returns once it is ready. */
    private static Process runUntilReady(Path installation) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(installation.resolve("bin/bridgeline").toString(), "run").redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        process.getOutputStream().close();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        if (first == null || !first.startsWith("bridgeline: ready")) {
            process.destroyForcibly();
            throw new AssertionError("run did not become ready; first line: " + first);
        }
        return process;
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
