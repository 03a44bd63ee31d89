package org.bridgeline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bridgeline.runtime.SshClient.Ssh;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console over SSH with a real OpenSSH client: keys bound to a tenant and role, nothing else gets in or out. */
class SshConsoleIT {

    @TempDir
    Path home;
    int port;

    private Ssh ssh(Path key, String command) throws Exception {
        return SshClient.run(port, key, command, null);
    }

    private Ssh ssh(Path key, String command, String typed) throws Exception {
        return SshClient.run(port, key, command, typed);
    }

    private Path key(String name, String type) throws Exception {
        return SshClient.key(home.resolve("keys"), name, type);
    }

    @Test
    void aKeyRunsItsTenantsCommandsAndNothingElse() throws Exception {
        TestDistribution.copyTo(home);
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // the key types operators bring: ed25519 on the JDK's own Ed25519, ECDSA and RSA
        Path operator = key("acme-operator", "ed25519");
        Path viewer = key("acme-viewer", "ecdsa");
        Path rsaViewer = key("acme-rsa-viewer", "rsa");
        Path stranger = key("stranger", "ed25519");
        Files.createDirectories(home.resolve("conf/ssh"));
        Files.writeString(home.resolve("conf/ssh/authorized_keys"), SshClient.authorized(operator, "acme", "operator")
                + SshClient.authorized(viewer, "acme", "viewer") + SshClient.authorized(rsaViewer, "acme", "viewer"));
        Files.writeString(home.resolve("conf/org.bridgeline.ssh.cfg"), "port=" + port + "\n");
        Path enterprise = home.resolve("enterprise");
        BinBridgeline.Result setup = BinBridgeline.run(home, "exec", "bl:feature-install ssh", "bl:tenant-add acme", "bl:tenant-add bravo",
                "bl:enterprise generate " + enterprise + " --sites 6", "bl:import " + enterprise.resolve("bills") + " --tenant acme");
        assertEquals(0, setup.status(), setup.err() + setup.out());
        BinBridgeline.Result start = BinBridgeline.run(home, "start");
        assertEquals(0, start.status(), start.err());
        try {
            Ssh audit = ssh(operator, "bl:audit");
            assertEquals(0, audit.status(), audit.err() + audit.out());
            assertTrue(audit.out().contains("findings"), audit.out());
            Ssh findings = ssh(viewer, "bl:findings");
            assertEquals(0, findings.status(), findings.err());
            assertTrue(findings.out().contains("Acme Telecom"), "acme's findings over ssh: " + findings.out());
            // the key exchange resists a later quantum computer (OpenSSH 9's default): BouncyCastle's classes, not its provider
            Ssh quantumSafe = SshClient.run(port, viewer, "bl:findings", null, "KexAlgorithms=sntrup761x25519-sha512@openssh.com");
            assertEquals(0, quantumSafe.status(), quantumSafe.err());
            Ssh rsaFindings = ssh(rsaViewer, "bl:findings");
            assertEquals(0, rsaFindings.status(), rsaFindings.err());
            assertEquals(findings.out(), rsaFindings.out(), "an RSA key reads the same as an ECDSA key of the same tenant");

            Ssh otherTenant = ssh(operator, "bl:findings --tenant bravo");
            assertEquals(1, otherTenant.status());
            assertTrue(otherTenant.err().contains("this session works for acme only"), otherTenant.err());
            Ssh runtimeCommand = ssh(operator, "bl:tenant-add mallory");
            assertEquals(1, runtimeCommand.status());
            assertTrue(runtimeCommand.err().contains("is for the runtime's own operators"), runtimeCommand.err());
            Ssh viewerAudit = ssh(viewer, "bl:audit");
            assertEquals(1, viewerAudit.status());
            assertTrue(viewerAudit.err().contains("needs an operator's key"), viewerAudit.err());
            Ssh gogo = ssh(operator, "lb");
            assertNotEquals(0, gogo.status(), "Gogo's own commands are not a tenant's: " + gogo.out());

            Ssh interactive = ssh(viewer, null, "bl:invoices\rexit\r");
            assertTrue(interactive.out().contains("Bridgeline, tenant acme (viewer)") && interactive.out().contains("bl> ")
                    && interactive.out().contains("AC-2025-01"), "an interactive session: " + interactive.out() + interactive.err());

            Ssh refused = ssh(stranger, "bl:findings");
            assertEquals(255, refused.status(), "an unknown key is refused: " + refused.err());
            assertTrue(Files.exists(home.resolve("data/ssh/host-key.pem")), "the host key is kept");
            String log = Files.readString(home.resolve("log/bridgeline.log"));
            assertTrue(log.contains("org.apache.sshd.") && !log.contains("SLF4J"), "SSHD logs through slf4j into the runtime's log: " + log);
        } finally {
            BinBridgeline.run(home, "stop");
            TestDistribution.keepLog(home, "SshConsoleIT");
        }
    }
}
