package org.bridgeline.store.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bridgeline.store.IntakeJob;
import org.bridgeline.store.IntakeStore;
import org.bridgeline.store.TenantRecord;
import org.bridgeline.store.TenantStore;
import org.bridgeline.store.TokenRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The roles every tenant shares, run by every store implementation: the registry (tenants once
 * each, tokens found by id, revoked once, their use kept) and the intake queue (bills claimed
 * oldest first, one holder at a time, taken over when a lease runs out).
 */
public abstract class RegistryContract {

    private static final Instant NOW = Instant.parse("2026-12-01T10:15:30.123456Z");

    /** The roles under test, open for the test's length. */
    protected Stores stores;

    /** The roles over a new, empty database of this implementation. */
    protected abstract Stores open() throws Exception;

    @BeforeEach
    void openStores() throws Exception {
        stores = open();
    }

    @AfterEach
    void closeStores() throws Exception {
        stores.close().close();
    }

    @Test
    void aTenantIsAddedOnce() throws Exception {
        TenantStore registry = stores.tenants();
        assertTrue(registry.addTenant("acme", NOW));
        assertFalse(registry.addTenant("acme", NOW.plusSeconds(5)), "a tenant that exists is not added again");
        assertTrue(registry.addTenant("bravo", NOW));
        assertEquals(List.of(new TenantRecord("acme", NOW), new TenantRecord("bravo", NOW)), registry.tenants());
        assertTrue(registry.tenant("acme").isPresent());
        assertTrue(registry.tenant("nobody").isEmpty());
    }

    @Test
    void aTokenIsFoundByItsIdRevokedOnceAndItsUseKept() throws Exception {
        TenantStore registry = stores.tenants();
        TokenRecord viewer = new TokenRecord("t1", "acme", "viewer", "ab".repeat(32), NOW, NOW.plus(30, ChronoUnit.DAYS), null, null);
        TokenRecord operator = new TokenRecord("t2", "acme", "operator", "cd".repeat(32), NOW.plusSeconds(1), null, null, null);
        TokenRecord other = new TokenRecord("t3", "bravo", "operator", "ef".repeat(32), NOW, null, null, null);
        registry.saveToken(viewer);
        registry.saveToken(operator);
        registry.saveToken(other);
        assertEquals(viewer, registry.token("t1").orElseThrow());
        assertEquals(List.of(operator, viewer), registry.tokens("acme"), "newest first, only the tenant's own");
        assertTrue(registry.token("t9").isEmpty());

        Instant used = NOW.plusSeconds(60);
        registry.tokenUsed("t1", used);
        assertEquals(used, registry.token("t1").orElseThrow().lastUsedAt());

        Instant revoked = NOW.plusSeconds(120);
        assertTrue(registry.revokeToken("t1", revoked));
        assertFalse(registry.revokeToken("t1", revoked.plusSeconds(1)), "revoked once");
        assertFalse(registry.revokeToken("t9", revoked), "no such token");
        TokenRecord after = registry.token("t1").orElseThrow();
        assertEquals(revoked, after.revokedAt());
        assertFalse(after.activeAt(revoked));
        assertTrue(registry.token("t2").orElseThrow().activeAt(revoked), "revoking one token leaves the others");
    }

    @Test
    void billsAreClaimedOldestFirstByOneHolderAtATime() throws Exception {
        IntakeStore intake = stores.intake();
        assertTrue(intake.register(IntakeJob.received("acme", "b", "second.csv", NOW.plusSeconds(1))));
        assertTrue(intake.register(IntakeJob.received("acme", "a", "first.csv", NOW)));
        assertTrue(intake.register(IntakeJob.received("bravo", "c", "third.csv", NOW.plusSeconds(2))));
        assertFalse(intake.register(IntakeJob.received("acme", "a", "first.csv", NOW)), "registering again is harmless");

        Instant lease = NOW.plusSeconds(60);
        IntakeJob first = intake.claim("runtime-1", NOW.plusSeconds(10), lease).orElseThrow();
        assertEquals(List.of("acme", "a", IntakeJob.PROCESSING, "runtime-1", 1), List.of(first.tenant(), first.id(), first.state(),
                first.holder(), first.attempts()));
        assertEquals("b", intake.claim("runtime-2", NOW.plusSeconds(10), lease).orElseThrow().id(), "a held bill is passed over");
        assertEquals("c", intake.claim("runtime-2", NOW.plusSeconds(10), lease).orElseThrow().id(), "every tenant's bills, one queue");
        assertTrue(intake.claim("runtime-2", NOW.plusSeconds(11), lease).isEmpty(), "nothing left while the leases stand");

        assertEquals(2, intake.renew("runtime-2", NOW.plusSeconds(120)));
        assertTrue(intake.finish("acme", "b", "runtime-2", IntakeJob.IMPORTED, NOW.plusSeconds(20), null, "{\"lines\":3}"),
                "imported, still held until its audit has run");
        assertFalse(intake.finish("acme", "b", "runtime-2", IntakeJob.FAILED, NOW.plusSeconds(21), "again", null), "finished once");

        // runtime-1 dies holding "a": past its lease, another runtime takes the bill over
        IntakeJob takenOver = intake.claim("runtime-2", lease.plusSeconds(1), lease.plusSeconds(61)).orElseThrow();
        assertEquals(List.of("a", "runtime-2", 2), List.of(takenOver.id(), takenOver.holder(), takenOver.attempts()));
        assertFalse(intake.finish("acme", "a", "runtime-1", IntakeJob.DONE, lease.plusSeconds(2), null, null),
                "a holder whose bill was taken over does not record its end");
        assertTrue(intake.claim("runtime-3", lease.plusSeconds(2), lease.plusSeconds(62)).isEmpty(),
                "runtime-2 renewed its claim on c past runtime-1's lease");
        assertTrue(intake.finish("acme", "a", "runtime-2", IntakeJob.FAILED, lease.plusSeconds(3), "a.csv line 2: amount", null));

        intake.audited("acme", List.of("a", "b"), 7L);
        List<IntakeJob> recent = intake.recent("acme", 10);
        assertEquals(List.of("b", "a"), recent.stream().map(IntakeJob::id).toList(), "newest first, only the tenant's own");
        IntakeJob done = recent.get(0);
        assertEquals(List.of(IntakeJob.DONE, 7L, "{\"lines\":3}"), List.of(done.state(), done.auditRunId(), done.reportJson()));
        assertEquals(NOW.plusSeconds(20), done.finishedAt());
        IntakeJob failed = intake.job("acme", "a").orElseThrow();
        assertEquals(List.of(IntakeJob.FAILED, "a.csv line 2: amount", 2), List.of(failed.state(), failed.reason(), failed.attempts()));
        assertTrue(intake.job("bravo", "a").isEmpty(), "another tenant's id is not found");
        assertEquals(1, intake.recent("acme", 1).size());

        // runtime-2 dies after importing c, before its audit: the next runtime takes c over for the audit alone
        assertTrue(intake.finish("bravo", "c", "runtime-2", IntakeJob.IMPORTED, NOW.plusSeconds(30), null, "{\"lines\":5}"));
        IntakeJob toAudit = intake.claim("runtime-3", NOW.plusSeconds(121), NOW.plusSeconds(181)).orElseThrow();
        assertEquals(List.of("c", IntakeJob.IMPORTED, "runtime-3", 2, "{\"lines\":5}"), List.of(toAudit.id(), toAudit.state(),
                toAudit.holder(), toAudit.attempts(), toAudit.reportJson()));
        intake.audited("bravo", List.of("c"), 8L);
        IntakeJob audited = intake.job("bravo", "c").orElseThrow();
        assertEquals(List.of(IntakeJob.DONE, 8L), List.of(audited.state(), audited.auditRunId()));
        assertEquals(NOW.plusSeconds(30), audited.finishedAt(), "the import's end is kept");
        assertTrue(intake.claim("runtime-3", NOW.plusSeconds(400), NOW.plusSeconds(460)).isEmpty(), "nothing left to do");
    }
}
