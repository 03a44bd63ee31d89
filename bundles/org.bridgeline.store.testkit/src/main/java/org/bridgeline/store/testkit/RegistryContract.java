package org.bridgeline.store.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bridgeline.store.TenantRecord;
import org.bridgeline.store.TenantStore;
import org.bridgeline.store.TokenRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The registry role, run by every store implementation: tenants once each, tokens found by id, revoked once, their use kept. */
public abstract class RegistryContract {

    private static final Instant NOW = Instant.parse("2026-12-01T10:15:30.123456Z");

    private Stores stores;

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
}
