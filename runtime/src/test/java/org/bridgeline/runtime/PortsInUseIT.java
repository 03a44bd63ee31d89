package org.bridgeline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hosted features' default ports are often taken on a first try: what an operator is told, and what still serves. */
class PortsInUseIT {

    @TempDir
    Path home;

    /**
     * A port another process holds: the runtime is ready without the console, at once rather than after the readiness
     * timeout, and the start and bl:health say which address and which file; bl:health's status says it is not well.
     */
    @Test
    void anSshPortInUseIsNamedAtStartAndTheRestOfTheRuntimeServes() throws Exception {
        TestDistribution.copyTo(home);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Files.writeString(home.resolve("conf/org.bridgeline.ssh.cfg"), "port=" + port + "\n");
            long started = System.nanoTime();
            BinBridgeline.Result run = BinBridgeline.run(home, "exec", "bl:feature-install ssh");
            assertEquals(0, run.status(), run.err());
            BinBridgeline.Result again = BinBridgeline.run(home, "exec", "bl:status", "bl:health");
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 45, "a failed console is not waited for");
            String cause = "the SSH console cannot listen on 127.0.0.1:" + port + ": ";
            assertTrue(again.err().startsWith("warning: ready, but not everything started (bl:health):") && again.err().contains(cause)
                    && again.err().contains("(host and port: conf/org.bridgeline.ssh.cfg)"), again.err());
            assertTrue(again.out().startsWith("uptime") && again.out().contains("health      1 problem"), "bl:status ran: " + again.out());
            assertEquals(1, again.status(), "bl:health fails while the console does not listen");
            assertTrue(again.out().contains("org.bridgeline.ssh.internal.SshConsole") && again.out().contains(cause), again.out());
            assertTrue(again.err().contains("error: bl:health: 1 problem: the runtime is not healthy"), again.err());
        }
        BinBridgeline.Result freed = BinBridgeline.run(home, "exec", "bl:health");
        assertEquals(0, freed.status(), "the port is free again: " + freed.err() + freed.out());
        assertEquals("", freed.err());
    }

    /**
     * Jetty only logs that it cannot bind, so no component fails: the HTTP feature's own health check says the API is
     * not listening and that another process holds the address; with the address free, the same check stays quiet.
     */
    @Test
    void anHttpPortInUseIsNamedByHealth() throws Exception {
        TestDistribution.copyTo(home);
        int port = HostedSetup.freeHttpPort(home);
        BinBridgeline.Result install = BinBridgeline.run(home, "exec", "bl:feature-install http");
        assertEquals(0, install.status(), install.err());
        try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            BinBridgeline.Result start = BinBridgeline.run(home, "start");
            assertEquals(0, start.status(), start.err());
            try {
                String cause = "the HTTP API is not listening: 127.0.0.1:" + port + " is in use by another process";
                TestDistribution.eventually(Duration.ofSeconds(30), () -> health().out().contains(cause), () -> health().out());
                BinBridgeline.Result health = health();
                assertEquals(1, health.status(), health.out());
                assertTrue(health.out().contains("org.bridgeline.http.internal.HttpListening")
                        && health.out().contains("conf/bridgeline.properties"), health.out());
            } finally {
                assertEquals(0, BinBridgeline.run(home, "stop").status());
            }
        }
        BinBridgeline.Result start = BinBridgeline.run(home, "start");
        assertEquals(0, start.status(), start.err());
        try {
            Thread.sleep(6_000); // past the HTTP check's grace of 5 s, when a missing server would be reported
            BinBridgeline.Result health = health();
            assertEquals(0, health.status(), "the port is free: " + health.out() + health.err());
            HttpResponse<String> probe = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, probe.statusCode(), "the API answers where the check looked: " + probe.body());
        } finally {
            assertEquals(0, BinBridgeline.run(home, "stop").status());
            TestDistribution.keepLog(home, "PortsInUseIT");
        }
    }

    private BinBridgeline.Result health() {
        try {
            return BinBridgeline.run(home, "client", "bl:health");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
