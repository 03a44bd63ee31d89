package org.bridgeline.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
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

    /** The server listens before the console has started: a session that comes that early is told so, and ends. */
    @Test
    void aSessionBeforeTheConsoleStartedIsToldToTryAgain() throws Exception {
        GogoCommand command = new GogoCommand(() -> null, "bl:status");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        AtomicInteger exit = new AtomicInteger(-1);
        command.setInputStream(new ByteArrayInputStream(new byte[0]));
        command.setOutputStream(out);
        command.setErrorStream(err);
        command.setExitCallback((status, message, closeImmediately) -> exit.set(status));
        command.start(null, null);
        assertEquals(1, exit.get());
        assertEquals("error: the console is still starting; try again in a moment\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(0, out.size());
    }
}
