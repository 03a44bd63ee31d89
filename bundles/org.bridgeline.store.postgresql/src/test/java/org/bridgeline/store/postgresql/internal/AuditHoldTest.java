package org.bridgeline.store.postgresql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.bridgeline.store.AuditStore;
import org.bridgeline.store.testkit.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two runtimes on one database (two pools here): a tenant's audits take turns across them; other tenants' do not wait. */
class AuditHoldTest {

    static PostgresServer server;
    static PostgresDatabase first;
    static PostgresDatabase second;

    @BeforeAll
    static void twoRuntimes() throws Exception {
        server = PostgresServer.start(Path.of("target", "postgres-hold"));
        Path password = server.passwordFile(Path.of("target", "postgres-hold.password"));
        String url = server.createDatabase("holds");
        first = TestDatabases.open(url, password);
        second = TestDatabases.open(url, password);
    }

    @AfterAll
    static void stop() throws Exception {
        for (PostgresDatabase database : new PostgresDatabase[] {first, second}) {
            if (database != null) {
                database.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSecondAuditOfTheSameTenantWaitsForTheFirstAndAnotherTenantsDoesNot() throws Exception {
        AuditStore onFirst = new PostgresAuditStore(first);
        AuditStore onSecond = new PostgresAuditStore(second);
        List<String> order = new CopyOnWriteArrayList<>();
        AuditStore.Hold held = onFirst.holdAudits("tenant-a");
        order.add("first holds");
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try (AuditStore.Hold hold = onSecond.holdAudits("tenant-a")) {
                order.add("second holds");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (AuditStore.Hold other = onSecond.holdAudits("tenant-b")) {
            order.add("other tenant holds");
        }
        Thread.sleep(300);
        assertFalse(waiting.isDone(), "the second audit of tenant-a waits while the first holds: " + order);
        order.add("first releases");
        held.close();
        waiting.get(10, TimeUnit.SECONDS);
        assertEquals(List.of("first holds", "other tenant holds", "first releases", "second holds"), order);
        assertTrue(waiting.isDone());
    }
}
