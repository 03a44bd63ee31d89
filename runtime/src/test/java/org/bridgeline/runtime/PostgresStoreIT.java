package org.bridgeline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridgeline.store.testkit.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution on PostgreSQL, as an operator points it there: conf/org.bridgeline.store.cfg
 * names the kind, the URL, the user and a password file, and nothing else changes. The server is a
 * throwaway cluster this class starts under target/.
 */
class PostgresStoreIT {

    @TempDir
    static Path work;
    static PostgresServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.start(Path.of("target", "postgres-it"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** A fresh distribution whose store is the named database on the test server. */
    private static Path distributionOn(String name, String database) throws Exception {
        Path home = TestDistribution.copyTo(work.resolve(name));
        Path passwordFile = server.passwordFile(home.resolve("conf/store.password"));
        Files.writeString(home.resolve("conf/org.bridgeline.store.cfg"), server.storeConfiguration(passwordFile)
                .replace(server.url(), server.url(database)));
        return home;
    }

    @Test
    void theDemoRunsUnchangedOnPostgresqlAndAgreesWithDuckDb() throws Exception {
        server.createDatabase("demo");
        Path postgres = distributionOn("demo-postgresql", "demo");
        Path duckdb = TestDistribution.copyTo(work.resolve("demo-duckdb"));
        BinBridgeline.Result onPostgres = BinBridgeline.run(postgres, "demo", "--sites", "12");
        BinBridgeline.Result onDuckDb = BinBridgeline.run(duckdb, "demo", "--sites", "12");
        TestDistribution.keepLog(postgres, "PostgresStoreIT-demo");
        assertEquals(0, onPostgres.status(), onPostgres.err() + onPostgres.out());
        assertEquals(0, onDuckDb.status(), onDuckDb.err() + onDuckDb.out());
        String log = Files.readString(postgres.resolve("log/bridgeline.log"));
        assertTrue(log.contains("store open: PostgreSQL " + server.url("demo")), "the store is the configured server: " + log);
        assertFalse(Files.exists(postgres.resolve("data/bridgeline.duckdb")), "no embedded database beside the server");
        assertFalse(log.contains(server.password()), "the password never reaches the log");
        assertTrue(onPostgres.out().contains("3. import: 36 files,"), onPostgres.out());
        // the same enterprise gives the same findings, figures and scores on either store
        assertEquals(figures(onDuckDb.out()), figures(onPostgres.out()));
    }

    /** The lines of the demo's report that carry figures, without its timings and paths. */
    private static List<String> figures(String out) {
        return out.lines().filter(line -> !line.contains(" in ") && !line.contains("/") && !line.isBlank())
                .map(line -> line.replaceAll("\\d+\\.\\d s", "")).toList();
    }

    @Test
    void twoRuntimesOnOneDatabaseImportAndAuditAtOnceWithoutLosingOrDoublingAnInvoice() throws Exception {
        server.createDatabase("shared");
        Path first = distributionOn("runtime-1", "shared");
        Path second = distributionOn("runtime-2", "shared");
        Path enterprise = work.resolve("enterprise");
        BinBridgeline.Result generated = BinBridgeline.run(first, "exec", "bl:enterprise generate " + enterprise + " --sites 12");
        assertEquals(0, generated.status(), generated.err() + generated.out());
        Path bills = enterprise.resolve("bills");

        CompletableFuture<BinBridgeline.Result> importing = CompletableFuture.supplyAsync(() -> run(first, "exec", "bl:import " + bills));
        CompletableFuture<BinBridgeline.Result> auditing = CompletableFuture.supplyAsync(() -> run(second, "exec", "bl:audit", "bl:audit"));
        BinBridgeline.Result imported = importing.join();
        BinBridgeline.Result audited = auditing.join();
        assertEquals(0, imported.status(), imported.err() + imported.out());
        assertEquals(0, audited.status(), audited.err() + audited.out());
        long invoices = invoicesImported(imported.out());
        assertTrue(invoices > 30, imported.out());

        BinBridgeline.Result again = BinBridgeline.run(second, "exec", "bl:import " + bills, "bl:invoices", "bl:audit");
        TestDistribution.keepLog(second, "PostgresStoreIT-runtime-2");
        assertEquals(0, again.status(), again.err() + again.out());
        assertFalse(again.out().contains(" IMPORTED"), "the other runtime's imports are seen, nothing is imported twice: " + again.out());
        long listed = again.out().lines().filter(line -> line.matches("^\\S.*\\s\\d{4}-\\d{2}-\\d{2}\\s.*")).count();
        assertEquals(invoices, listed, "every invoice the first runtime imported, once, on the second: " + again.out());
    }

    /**
     * Two runtimes on one database and one shared inbox folder take 50 bills of two tenants from the
     * store's queue; one is killed (kill -9) midway; the other takes over what it held once its lease
     * runs out, and every bill ends imported, once.
     */
    @Test
    void twoRuntimesShareTheIntakeAndOneKilledMidwayLosesAndDoublesNoBill() throws Exception {
        server.createDatabase("intake");
        Path shared = work.resolve("shared-inboxes");
        List<Path> runtimes = List.of(distributionOn("intake-1", "intake"), distributionOn("intake-2", "intake"));
        for (Path home : runtimes) {
            Files.writeString(home.resolve("conf/org.bridgeline.intake.cfg"), "folder=" + shared + "\nleaseSeconds=5\nscanMillis=300\n");
        }
        Path first = runtimes.get(0);
        Path second = runtimes.get(1);
        BinBridgeline.Result setup = BinBridgeline.run(first, "exec", "bl:tenant-add acme", "bl:tenant-add bravo",
                "bl:enterprise generate " + work.resolve("acme") + " --seed 1",
                "bl:enterprise generate " + work.resolve("bravo") + " --seed 2");
        assertEquals(0, setup.status(), setup.err() + setup.out());
        List<Path> acmeBills = billsOf(work.resolve("acme/bills"));
        List<Path> bravoBills = billsOf(work.resolve("bravo/bills")).subList(0, 14);
        for (Path home : runtimes) {
            BinBridgeline.Result started = BinBridgeline.run(home, "start");
            assertEquals(0, started.status(), started.err() + started.out());
        }
        try {
            drop(acmeBills, shared.resolve("acme/inbox"));
            drop(bravoBills, shared.resolve("bravo/inbox"));
            // once it has imported two, runtime 1 is caught holding a bill: frozen (SIGSTOP) while the queue is read, then killed
            long pid = Long.parseLong(Files.readString(first.resolve("data/bridgeline.pid")).strip());
            String held = "";
            for (int i = 0; i < 2000 && held.isEmpty(); i++) {
                signal("STOP", pid);
                List<String> state = server.query("intake", "SELECT state, tenant || '/' || intake_id FROM bl_intake_job "
                        + "WHERE holder LIKE '%intake-1/data' ORDER BY state").lines().toList();
                if (state.stream().filter(job -> job.startsWith("IMPORTED|") || job.startsWith("DONE|")).count() >= 2) {
                    held = state.stream().filter(job -> job.startsWith("PROCESSING|")).map(job -> job.substring(11)).findFirst().orElse("");
                }
                if (held.isEmpty()) {
                    signal("CONT", pid);
                    Thread.sleep(5);
                }
            }
            signal("KILL", pid);
            assertFalse(held.isEmpty(), "runtime 1 was seen holding a bill");
            int killedAt = filed(shared, "done");
            assertTrue(killedAt < 50, "killed midway: " + killedAt + " bills were in");

            String jobs = "";
            for (int i = 0; i < 600; i++) { // imported, then audited
                jobs = server.query("intake", "SELECT tenant, intake_id, state, holder, attempts, audit_run_id IS NOT NULL "
                        + "FROM bl_intake_job ORDER BY tenant, intake_id");
                if (jobs.lines().count() == 50 && jobs.lines().allMatch(job -> job.contains("|DONE|") && job.endsWith("|t"))) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals(50, jobs.lines().filter(job -> job.contains("|DONE|") && job.endsWith("|t")).count(),
                    "every bill imported and audited: " + jobs);
            String heldKey = held.replace('/', '|') + "|";
            String takenOver = jobs.lines().filter(job -> job.startsWith(heldKey)).findFirst().orElseThrow();
            assertTrue(takenOver.endsWith("intake-2/data|2|t"), "the killed runtime's bill was taken over by the other: " + takenOver);
            long importedByFirst = Files.readString(first.resolve("log/bridgeline.log")).lines()
                    .filter(line -> line.matches(".*intake (acme|bravo)/\\S+ \\S+: IMPORTED, .*")).count();
            assertTrue(importedByFirst >= 2, "both runtimes imported bills");
            // runtime 2 takes over the bill runtime 1 held and audits the ones it had imported; killed between storing a
            // bill and recording it, runtime 1 leaves one more, which runtime 2 finds already imported and audits too
            long takenOverBy2 = jobs.lines().filter(job -> job.endsWith("intake-2/data|2|t")).count();
            assertTrue(takenOverBy2 == importedByFirst + 1 || takenOverBy2 == importedByFirst + 2,
                    "runtime 2 took over the bill runtime 1 held and audited the ones it had imported (" + importedByFirst + "): " + jobs);
            assertEquals(50, filed(shared, "done"), "every bill filed under done/");
            assertEquals("acme|36\nbravo|14", server.query("intake", "SELECT tenant, count(*) FROM bl_invoice GROUP BY tenant ORDER BY tenant")
                    .strip(), "every bill's invoice, once");

            BinBridgeline.Result intake = BinBridgeline.run(second, "client", "bl:intake --tenant " + held.substring(0, held.indexOf('/'))
                    + " --limit 100");
            assertEquals(0, intake.status(), intake.err() + intake.out());
            assertTrue(intake.out().contains("intake-2/data (attempt 2)"), "bl:intake tells the takeover: " + intake.out());
            BinBridgeline.Result again = BinBridgeline.run(second, "client", "bl:import --tenant acme " + work.resolve("acme/bills"));
            TestDistribution.keepLog(second, "PostgresStoreIT-intake-2");
            assertEquals(0, again.status(), again.err() + again.out());
            assertFalse(again.out().contains(" IMPORTED"), "importing acme's bills again stores nothing: " + again.out());
        } finally {
            BinBridgeline.run(second, "stop");
            TestDistribution.keepLog(first, "PostgresStoreIT-intake-1");
        }
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).start().waitFor();
    }

    private static List<Path> billsOf(Path folder) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Drops bills into an inbox as a copy tool would: written under a .part name, then renamed whole. */
    private static void drop(List<Path> bills, Path inbox) throws IOException {
        Files.createDirectories(inbox);
        for (Path bill : bills) {
            String name = bill.getParent().getFileName() + "-" + bill.getFileName();
            Files.copy(bill, inbox.resolve(name + ".part"));
            Files.move(inbox.resolve(name + ".part"), inbox.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** How many bills of every tenant are filed under done/ or failed/. */
    private static int filed(Path shared, String state) throws IOException {
        int filed = 0;
        for (String tenant : List.of("acme", "bravo")) {
            Path folder = shared.resolve(tenant).resolve(state);
            if (Files.isDirectory(folder)) {
                try (java.util.stream.Stream<Path> items = Files.list(folder)) {
                    filed += (int) items.count();
                }
            }
        }
        return filed;
    }

    /** The invoices column of an import report: file, parser, invoices, lines, status. */
    private static long invoicesImported(String report) {
        Matcher row = Pattern.compile("(?m)^\\S+\\s+\\S+\\s+(\\d+)\\s+\\d+\\s+IMPORTED").matcher(report);
        long invoices = 0;
        while (row.find()) {
            invoices += Long.parseLong(row.group(1));
        }
        return invoices;
    }

    private static BinBridgeline.Result run(Path home, String... args) {
        try {
            return BinBridgeline.run(home, args);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
