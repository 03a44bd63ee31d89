package org.bridgeline.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A tenant's SSH session runs bl: commands with plain words, never Gogo script. */
class GogoCommandTest {

    @Test
    void onlyPlainBlCommandsRun() {
        for (String allowed : new String[] {"bl:findings", "bl:findings --kind above-benchmark --carrier Acme", "bl:finding 12",
            "bl:invoices --tenant=acme", "  bl:help  "}) {
            assertNull(GogoCommand.refusal(allowed), allowed);
        }
        for (String refused : new String[] {"lb", "felix:uninstall 1", "gogo:cat /etc/passwd", "bl:findings | grep x",
            "bl:findings; lb", "bl:findings $(lb)", "bl:findings {lb}", "bl:findings > /tmp/x", "x = bl:findings",
            "bl:findings \"--tenant bravo\"", "bl:findings `lb`", "(bl:findings)"}) {
            assertNotNull(GogoCommand.refusal(refused), refused);
        }
    }
}
