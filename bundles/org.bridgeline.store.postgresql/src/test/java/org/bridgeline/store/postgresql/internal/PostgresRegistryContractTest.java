package org.bridgeline.store.postgresql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bridgeline.store.IntakeJob;
import org.bridgeline.store.IntakeStore;
import org.bridgeline.store.testkit.PostgresServer;
import org.bridgeline.store.testkit.RegistryContract;
import org.bridgeline.store.testkit.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registry contract on a real PostgreSQL server started for this class: a fresh database per test. */
class PostgresRegistryContractTest extends RegistryContract {

    static PostgresServer server;
    static Path passwordFile;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.start(Path.of("target", "postgres-registry"));
        passwordFile = server.passwordFile(Path.of("target", "postgres-registry.password"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected Stores open() throws Exception {
        return TestDatabases.roles(TestDatabases.open(server, passwordFile));
    }

    /** Runtimes claiming at the same moment pass over each other's rows: every bill is claimed once, by one of them. */
    @Test
    void runtimesClaimingAtOnceNeverTakeTheSameBill() throws Exception {
        IntakeStore intake = stores.intake();
        Instant now = Instant.parse("2026-12-02T10:00:00Z");
        int bills = 200;
        for (int i = 0; i < bills; i++) {
            intake.register(IntakeJob.received("acme", "bill-%03d".formatted(i), "bill-%03d.csv".formatted(i), now.plusMillis(i)));
        }
        ExecutorService runtimes = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> claimed = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                String holder = "runtime-" + r;
                claimed.add(runtimes.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (Optional<IntakeJob> job; (job = intake.claim(holder, now, now.plusSeconds(60))).isPresent(); ) {
                        mine.add(job.get().id());
                        assertTrue(intake.finish("acme", job.get().id(), holder, IntakeJob.DONE, now, null, null));
                    }
                    return mine;
                }));
            }
            List<String> all = new ArrayList<>();
            int busy = 0;
            for (Future<List<String>> each : claimed) {
                List<String> mine = each.get(60, TimeUnit.SECONDS);
                busy += mine.isEmpty() ? 0 : 1;
                all.addAll(mine);
            }
            assertEquals(bills, all.size(), "no bill claimed twice");
            assertEquals(bills, new HashSet<>(all).size());
            assertTrue(busy > 1, "the runtimes shared the work");
        } finally {
            runtimes.shutdownNow();
        }
    }
}
