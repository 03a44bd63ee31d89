package org.bridgeline.tenancy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.TenantRecord;
import org.bridgeline.store.TenantStore;
import org.bridgeline.store.TokenRecord;
import org.bridgeline.tenancy.Caller;
import org.bridgeline.tenancy.IssuedToken;
import org.bridgeline.tenancy.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantServiceImplTest {

    @TempDir
    Path folder;
    Registry registry;
    MovableClock clock;
    TenantServiceImpl service;

    @BeforeEach
    void setUp() throws Exception {
        registry = new Registry();
        clock = new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));
        service = new TenantServiceImpl(registry, folder.resolve("data/token.key"), clock);
        service.addTenant("acme");
    }

    @Test
    void anIssuedTokenSpeaksForItsTenantAndRoleAndOnlyItsHashIsKept() throws Exception {
        IssuedToken issued = service.issueToken("acme", Role.VIEWER, null);
        assertTrue(issued.token().matches("blt_[0-9a-f]{16}_[A-Za-z0-9_-]{43}"), issued.token());
        assertEquals(Optional.of(new Caller("acme", Role.VIEWER, issued.record().tokenId())), service.authenticate(issued.token()));
        String secret = issued.token().substring(21);
        TokenRecord stored = registry.tokens.get(issued.record().tokenId());
        assertFalse(stored.secretHash().contains(secret) || stored.toString().contains(secret) || issued.toString().contains(secret));
        assertEquals(64, stored.secretHash().length(), "an HMAC-SHA256, hex");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(folder.resolve("data/token.key")));
    }

    @Test
    void aWrongMalformedRevokedOrExpiredTokenIsNobody() throws Exception {
        IssuedToken issued = service.issueToken("acme", Role.OPERATOR, java.time.Duration.ofDays(30));
        String token = issued.token();
        String wrongSecret = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertEquals(Optional.empty(), service.authenticate(wrongSecret));
        assertEquals(Optional.empty(), service.authenticate("blt_0000000000000000_" + token.substring(21)), "unknown id");
        assertEquals(Optional.empty(), service.authenticate("Bearer " + token));
        assertEquals(Optional.empty(), service.authenticate(null));
        assertEquals(Optional.empty(), service.authenticate(""));

        clock.advance(Duration.ofDays(30));
        assertEquals(Optional.empty(), service.authenticate(token), "expired after 30 days");

        IssuedToken other = service.issueToken("acme", Role.OPERATOR, null);
        assertTrue(service.authenticate(other.token()).isPresent());
        assertTrue(service.revokeToken(other.record().tokenId()));
        assertEquals(Optional.empty(), service.authenticate(other.token()), "revoked: refused on the next request");
        assertFalse(service.revokeToken(other.record().tokenId()));
    }

    @Test
    void aTokensUseIsRecordedAtMostOnceAMinute() throws Exception {
        IssuedToken issued = service.issueToken("acme", Role.VIEWER, null);
        service.authenticate(issued.token());
        Instant first = registry.tokens.get(issued.record().tokenId()).lastUsedAt();
        assertEquals(clock.instant(), first);
        clock.advance(Duration.ofSeconds(30));
        service.authenticate(issued.token());
        assertEquals(first, registry.tokens.get(issued.record().tokenId()).lastUsedAt());
        clock.advance(Duration.ofSeconds(31));
        service.authenticate(issued.token());
        assertEquals(clock.instant(), registry.tokens.get(issued.record().tokenId()).lastUsedAt());
        assertEquals(2, registry.uses, "two writes for three requests");
    }

    @Test
    void requestsAtOnceRecordATokensUseOnceAndAFailedRecordingFailsNoRequest() throws Exception {
        IssuedToken issued = service.issueToken("acme", Role.VIEWER, null);
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            List<java.util.concurrent.Future<Optional<Caller>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                answers.add(clients.submit(() -> service.authenticate(issued.token())));
            }
            for (var answer : answers) {
                assertTrue(answer.get().isPresent());
            }
        } finally {
            clients.shutdown();
        }
        assertEquals(1, registry.uses, "one write for 200 requests in the same minute");
        registry.failUses = true;
        clock.advance(Duration.ofMinutes(2));
        assertTrue(service.authenticate(issued.token()).isPresent(), "the use not recorded, the request served");
    }

    @Test
    void runtimesSharingTheKeyFileAcceptEachOthersTokens() throws Exception {
        IssuedToken issued = service.issueToken("acme", Role.OPERATOR, null);
        TenantServiceImpl second = new TenantServiceImpl(registry, folder.resolve("data/token.key"), clock);
        assertEquals("acme", second.authenticate(issued.token()).orElseThrow().tenant());
        TenantServiceImpl otherKey = new TenantServiceImpl(registry, folder.resolve("elsewhere/token.key"), clock);
        assertEquals(Optional.empty(), otherKey.authenticate(issued.token()), "a runtime with another key cannot check it");
    }

    @Test
    void tenantsAreNamedPlainlyAndTokensNeedOne() throws Exception {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> service.addTenant("Acme Corp"));
        assertTrue(bad.getMessage().contains("found \"Acme Corp\""), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> service.addTenant("acme"), "exists already");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> service.issueToken("bravo", Role.VIEWER, null));
        assertTrue(none.getMessage().contains("bl:tenant-add bravo"), none.getMessage());
        assertNotNull(service.issueToken("default", Role.OPERATOR, null), "the embedded default tenant needs no adding");
        assertEquals(List.of("acme"), service.tenants().stream().map(TenantRecord::tenant).toList());
    }

    /** The registry in a map: the store's SQL is tested by its own contract. */
    static final class Registry implements TenantStore {
        final Map<String, TenantRecord> tenants = new LinkedHashMap<>();
        final Map<String, TokenRecord> tokens = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        int uses;
        volatile boolean failUses;

        public boolean addTenant(String tenant, Instant at) {
            return tenants.putIfAbsent(tenant, new TenantRecord(tenant, at)) == null;
        }

        public List<TenantRecord> tenants() {
            return new ArrayList<>(tenants.values());
        }

        public Optional<TenantRecord> tenant(String tenant) {
            return Optional.ofNullable(tenants.get(tenant));
        }

        public void saveToken(TokenRecord token) {
            tokens.put(token.tokenId(), token);
        }

        public Optional<TokenRecord> token(String tokenId) {
            return Optional.ofNullable(tokens.get(tokenId));
        }

        public List<TokenRecord> tokens(String tenant) {
            return tokens.values().stream().filter(token -> token.tenant().equals(tenant)).toList();
        }

        public boolean revokeToken(String tokenId, Instant at) {
            TokenRecord t = tokens.get(tokenId);
            if (t == null || t.revokedAt() != null) {
                return false;
            }
            tokens.put(tokenId, new TokenRecord(t.tokenId(), t.tenant(), t.role(), t.secretHash(), t.createdAt(), t.expiresAt(), at,
                    t.lastUsedAt()));
            return true;
        }

        public synchronized void tokenUsed(String tokenId, Instant at) throws StoreException {
            if (failUses) {
                throw new StoreException("TransactionContext Error: Conflict on update");
            }
            uses++;
            TokenRecord t = tokens.get(tokenId);
            tokens.put(tokenId, new TokenRecord(t.tokenId(), t.tenant(), t.role(), t.secretHash(), t.createdAt(), t.expiresAt(),
                    t.revokedAt(), at));
        }
    }

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        public Instant instant() {
            return now;
        }

        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
