package org.bridgeline.store.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for tests: a cluster made with Debian's {@code initdb} under the
 * given folder, started with {@code pg_ctl} on a free loopback port, one database owned by a
 * password-protected role that is not a superuser (so row-level security applies to it), removed
 * on close. Run as root, the server runs as the {@code postgres} user, as initdb requires. No mock:
 * the server the hosted runtime runs on.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String DATABASE = "bridgeline";
    public static final String USER = "bridgeline";

    private final Path folder;
    private final Path cluster;
    private final Path bin;
    private final int port;
    private final String password;
    private final boolean asRoot;

    private PostgresServer(Path folder, Path bin, int port, String password, boolean asRoot) {
        this.folder = folder;
        this.cluster = folder.resolve("cluster");
        this.bin = bin;
        this.port = port;
        this.password = password;
        this.asRoot = asRoot;
    }

    /** Creates and starts a cluster under the folder (which must not exist yet or be empty). */
    public static PostgresServer start(Path folder) throws IOException, InterruptedException {
        Path bin = binaries();
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        if (asRoot) {
            folder = reachableByPostgres(folder.toAbsolutePath());
        }
        removeLeftovers(folder, bin);
        Files.createDirectories(folder);
        PostgresServer server = new PostgresServer(folder.toAbsolutePath(), bin, freePort(),
                HexFormat.of().formatHex(new SecureRandom().generateSeed(16)), asRoot);
        server.create();
        return server;
    }

    /**
     * The folder itself when the postgres user can reach it; otherwise (a checkout under a folder
     * only root may enter, such as one made by {@code mktemp -d}) a folder of the same name's hash
     * under the system's temporary folder, so the server can still read its own cluster.
     */
    private static Path reachableByPostgres(Path folder) throws IOException, InterruptedException {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null) {
            Process probe = new ProcessBuilder("runuser", "-u", "postgres", "--", "test", "-x", existing.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                return folder;
            }
        }
        String name;
        try {
            name = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(folder.toString().getBytes(StandardCharsets.UTF_8)), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "bridgeline-postgres-" + name).toAbsolutePath();
    }

    /** A cluster a killed test run left behind: stopped and removed, so the new one starts clean. */
    private static void removeLeftovers(Path folder, Path bin) throws IOException, InterruptedException {
        if (!Files.exists(folder)) {
            return;
        }
        PostgresServer old = new PostgresServer(folder.toAbsolutePath(), bin, 0, "", "root".equals(System.getProperty("user.name")));
        if (Files.exists(old.cluster.resolve("postmaster.pid"))) {
            try {
                old.server(bin.resolve("pg_ctl").toString(), "-D", old.cluster.toString(), "-m", "immediate", "-w", "stop");
            } catch (IOException e) {
                // not running any more: removing it is all that is left
            }
        }
        old.delete();
    }

    /** Debian's server binaries, newest major version first; a clear error when the package is missing. */
    static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(bin -> Integer.parseInt(bin.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL server binaries not found under /usr/lib/postgresql: "
                            + "install Debian's postgresql package (the README's test command does)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void create() throws IOException, InterruptedException {
        Files.createDirectories(cluster);
        Path passwordFile = folder.resolve("superuser.password");
        Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        if (asRoot) {
            run("chown", "-R", "postgres:postgres", folder.toString());
        }
        Files.setPosixFilePermissions(cluster, PosixFilePermissions.fromString("rwx------"));
        // C collation: text sorts by code point, as the embedded store and Java's String order do
        server(bin.resolve("initdb").toString(), "-D", cluster.toString(), "--no-locale", "--encoding=UTF8",
                "--auth-local=trust", "--auth-host=scram-sha-256", "-U", "postgres", "--pwfile=" + passwordFile);
        server(bin.resolve("pg_ctl").toString(), "-D", cluster.toString(), "-l", folder.resolve("server.log").toString(), "-w",
                "-o", "-p " + port + " -k " + cluster + " -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60", "start");
        psql("CREATE ROLE " + USER + " LOGIN PASSWORD '" + password + "'");
        psql("CREATE DATABASE " + DATABASE + " OWNER " + USER);
    }

    /** Runs SQL as the superuser over the cluster's Unix socket. */
    public void psql(String sql) throws IOException, InterruptedException {
        psql("postgres", sql);
    }

    /** Runs SQL as the superuser in the named database. */
    public void psql(String database, String sql) throws IOException, InterruptedException {
        query(database, sql);
    }

    /**
     * Runs a query as the superuser in the named database (row-level security does not apply): its
     * rows, one per line, columns separated by {@code |}.
     */
    public String query(String database, String sql) throws IOException, InterruptedException {
        return server(bin.resolve("psql").toString(), "-h", cluster.toString(), "-p", String.valueOf(port), "-U", "postgres",
                "-d", database, "-v", "ON_ERROR_STOP=1", "-q", "-A", "-t", "-c", sql);
    }

    public String url() {
        return url(DATABASE);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A further empty database owned by the application role, for a test that needs a fresh one; returns its URL. */
    public String createDatabase(String name) throws IOException, InterruptedException {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a database name: " + name);
        }
        psql("CREATE DATABASE " + name + " OWNER " + USER);
        return url(name);
    }

    public int port() {
        return port;
    }

    /** The application role's password (a test writes it into a password file, as an operator does). */
    public String password() {
        return password;
    }

    /** Writes the application role's password into a file readable by its owner only; returns the file. */
    public Path passwordFile(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** The lines a store configuration file takes to use this server. */
    public String storeConfiguration(Path passwordFile) {
        return "kind=postgresql\nurl=" + url() + "\nuser=" + USER + "\npasswordFile=" + passwordFile.toAbsolutePath() + "\n";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            server(bin.resolve("pg_ctl").toString(), "-D", cluster.toString(), "-m", "immediate", "-w", "stop");
        } finally {
            delete();
        }
    }

    private void delete() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Runs a server program, as the postgres user when running as root. */
    private String server(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (asRoot) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        return run(line.toArray(String[]::new));
    }

    /** Runs a command to its end; its output, or its failure with the output. */
    private String run(String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("postgres-", ".out");
        try {
            Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": no answer within 120 s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(command[asRoot && command[0].equals("runuser") ? 4 : 0] + " failed (exit " + process.exitValue()
                        + "): " + Files.readString(output).strip());
            }
            return Files.readString(output);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
