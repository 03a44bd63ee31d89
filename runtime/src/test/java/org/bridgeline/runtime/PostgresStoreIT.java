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
