package org.bridgeline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** OpenSSH's own client against a runtime's SSH console, with keys made by ssh-keygen, as an operator connects. */
final class SshClient {

    record Ssh(int status, String out, String err) {
    }

    private SshClient() {
    }

    /** A new ed25519 key pair (OpenSSH's default type): the private key at the path returned, the public one beside it with {@code .pub}. */
    static Path key(Path folder, String name) throws Exception {
        return key(folder, name, "ed25519");
    }

    /** A new key pair of an ssh-keygen type ({@code ed25519}, {@code ecdsa}, {@code rsa}). */
    static Path key(Path folder, String name, String type) throws Exception {
        Path key = folder.resolve(name);
        Files.createDirectories(folder);
        Process keygen = new ProcessBuilder("ssh-keygen", "-q", "-t", type, "-N", "", "-C", name, "-f", key.toString())
                .redirectErrorStream(true).start();
        assertEquals(0, keygen.waitFor());
        return key;
    }

    /** The authorized_keys line binding a key to a tenant and role. */
    static String authorized(Path key, String tenant, String role) throws Exception {
        return "tenant=\"" + tenant + "\",role=\"" + role + "\" " + Files.readString(key.resolveSibling(key.getFileName() + ".pub"));
    }

    /** ssh with a command, or (command null) an interactive session on a terminal typing the input given; options as ssh's -o. */
    static Ssh run(int port, Path key, String command, String typed, String... options) throws Exception {
        List<String> line = new ArrayList<>(List.of("ssh", "-i", key.toString(), "-p", String.valueOf(port), "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes", "-o", "LogLevel=ERROR"));
        for (String option : options) {
            line.add("-o");
            line.add(option);
        }
        if (command == null) {
            line.add("-tt");
        }
        line.add("operator@127.0.0.1");
        if (command != null) {
            line.add(command);
        }
        Path input = Files.createTempFile("ssh-in", ".txt");
        Path out = Files.createTempFile("ssh-out", ".txt");
        Path err = Files.createTempFile("ssh-err", ".txt");
        try {
            Files.writeString(input, typed == null ? "" : typed);
            Process process = new ProcessBuilder(line).redirectInput(ProcessBuilder.Redirect.from(input.toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "ssh " + command + " did not finish");
            return new Ssh(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.delete(input);
            Files.delete(out);
            Files.delete(err);
        }
    }
}
