package org.bridgeline.dashboard.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bridgeline.tenancy.Caller;

/**
 * Signed-in browsers: a session id (32 random bytes, in an HttpOnly cookie) stands for the caller
 * its token named at sign-in. Only a hash of each id is kept, so the map's lookups reveal nothing
 * of a live id; a session ends at sign-out, after an idle hour, or eight hours after sign-in.
 */
final class Sessions {

    static final Duration IDLE = Duration.ofHours(1);
    static final Duration LONGEST = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A signed-in browser: who, the token that signed it in, and the value its forms carry against cross-site requests. */
    record Session(Caller caller, String csrf, Instant started, Instant lastSeen) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    /** Starts a session for the caller; returns the id the cookie carries. */
    String start(Caller caller) {
        expire();
        String id = random();
        Instant now = clock.instant();
        sessions.put(hash(id), new Session(caller, random(), now, now));
        return id;
    }

    /** The live session of the id, its last use now; empty for an unknown, ended or expired one. */
    Optional<Session> find(String id) {
        if (id == null || id.length() != 43) {
            return Optional.empty();
        }
        String key = hash(id);
        Instant now = clock.instant();
        Session session = sessions.computeIfPresent(key, (k, s) -> live(s, now)
                ? new Session(s.caller(), s.csrf(), s.started(), now) : null);
        return Optional.ofNullable(session);
    }

    void end(String id) {
        if (id != null) {
            sessions.remove(hash(id));
        }
    }

    /** Whether the presented form value is the session's, compared in constant time. */
    static boolean csrfMatches(Session session, String presented) {
        return presented != null && MessageDigest.isEqual(session.csrf().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private void expire() {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> !live(session, now));
    }

    private static boolean live(Session session, Instant now) {
        return now.isBefore(session.lastSeen().plus(IDLE)) && now.isBefore(session.started().plus(LONGEST));
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
