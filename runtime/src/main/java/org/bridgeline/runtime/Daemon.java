package org.bridgeline.runtime;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** {@code start}, {@code stop} and {@code status} of the background runtime. */
final class Daemon {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private Daemon() {
    }

    static int start(Distribution distribution) throws IOException, InterruptedException {
        Optional<ProcessHandle> running = running(distribution);
        if (running.isPresent()) {
            System.err.println("error: bridgeline is already running (pid " + running.get().pid() + ")");
            return 1;
        }
        distribution.createFolders();
        Files.deleteIfExists(distribution.pidFile());
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid"); // its own session: closing the terminal does not stop it
        }
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.add("daemon");
        Path consoleOut = distribution.log().resolve("console.out");
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleOut.toFile()))
                .redirectErrorStream(true)
                .start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                System.err.println("error: bridgeline did not start (exit status " + process.exitValue() + "); see "
                        + distribution.logFile() + " and " + consoleOut);
                return 1;
            }
            if (Files.exists(distribution.pidFile()) && ControlChannel.answers(distribution.controlSocket())) {
                System.out.println("bridgeline started (pid " + process.pid() + "); log in " + distribution.logFile());
                return 0;
            }
            Thread.sleep(20);
        }
        System.err.println("error: bridgeline (pid " + process.pid() + ") not ready after " + START_TIMEOUT.toSeconds()
                + " s; see " + distribution.logFile());
        return 1;
    }

    static int stop(Distribution distribution, Duration timeout) throws IOException, InterruptedException {
        Optional<ProcessHandle> running = running(distribution);
        if (running.isEmpty()) {
            System.out.println("bridgeline is not running");
            Files.deleteIfExists(distribution.pidFile());
            return 0;
        }
        ProcessHandle process = running.get();
        process.destroy(); // SIGTERM: the runtime's shutdown hook stops every bundle
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            System.err.println("error: bridgeline (pid " + process.pid() + ") did not stop within " + timeout.toSeconds()
                    + " s and was killed");
            return 1;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        }
        Files.deleteIfExists(distribution.pidFile());
        System.out.println("bridgeline stopped (pid " + process.pid() + ")");
        return 0;
    }

    static int status(Distribution distribution) throws IOException {
        Optional<ProcessHandle> running = running(distribution);
        if (running.isEmpty()) {
            System.out.println("bridgeline is not running");
            return 3;
        }
        boolean answers = ControlChannel.answers(distribution.controlSocket());
        System.out.println("bridgeline is running (pid " + running.get().pid() + ")"
                + (answers ? ", console on " + distribution.controlSocket() : ", starting"));
        return 0;
    }

    /** The background runtime's process, when the pid file names a live one. */
    static Optional<ProcessHandle> running(Distribution distribution) throws IOException {
        Path pidFile = distribution.pidFile();
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
