package org.bridgeline.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bridgeline.tenancy.Caller;
import org.bridgeline.tenancy.Role;
import org.junit.jupiter.api.Test;

/** Sessions: found by their id only, ended at sign-out, after an idle hour and eight hours after sign-in; forms checked against their CSRF value. */
class SessionsTest {

    private Instant now = Instant.parse("2026-12-02T09:00:00Z");
    private final Sessions sessions = new Sessions(new Clock() {
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    });
    private final Caller acme = new Caller("acme", Role.VIEWER, "0123456789abcdef");

    @Test
    void aSessionIsFoundByItsIdAndEndsAtSignOut() {
        String id = sessions.start(acme);
        String other = sessions.start(acme);
        assertNotEquals(id, other);
        assertEquals(acme, sessions.find(id).orElseThrow().caller());
        assertTrue(sessions.find(id.substring(1) + "x").isEmpty(), "a guessed id finds nothing");
        assertTrue(sessions.find(null).isEmpty());
        sessions.end(id);
        assertTrue(sessions.find(id).isEmpty());
        assertTrue(sessions.find(other).isPresent(), "ending one leaves the others");
    }

    @Test
    void aSessionEndsAfterAnIdleHourAndEightHoursAfterSignInWhateverItsUse() {
        String idle = sessions.start(acme);
        String busy = sessions.start(acme);
        for (int step = 0; step < 9; step++) { // 7 h 30 min in all
            now = now.plus(Duration.ofMinutes(50));
            assertTrue(sessions.find(busy).isPresent(), "used every 50 minutes, alive at " + now);
        }
        assertTrue(sessions.find(idle).isEmpty(), "idle for more than an hour");
        now = now.plus(Duration.ofMinutes(40));
        assertTrue(sessions.find(busy).isEmpty(), "eight hours after sign-in");
    }

    @Test
    void aFormIsTakenWithTheSessionsOwnCsrfValueOnly() {
        Sessions.Session session = sessions.find(sessions.start(acme)).orElseThrow();
        Sessions.Session other = sessions.find(sessions.start(acme)).orElseThrow();
        assertTrue(Sessions.csrfMatches(session, session.csrf()));
        assertFalse(Sessions.csrfMatches(session, other.csrf()));
        assertFalse(Sessions.csrfMatches(session, null));
        assertFalse(Sessions.csrfMatches(session, ""));
    }
}
