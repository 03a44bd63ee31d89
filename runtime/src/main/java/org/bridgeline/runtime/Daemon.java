package org.bridgeline.runtime;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        Optional<InstallationLock.Holder> holder = InstallationLock.holder(distribution);
        if (holder.isPresent()) {
            System.err.println("error: another bridgeline runtime is running from " + distribution.home() + " ("
                    + holder.get().describe() + "); start the background runtime once it has ended");
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
        missingArchive().ifPresent(archive -> {
            // no archive yet: the server records the classes it loads, for the starts after its stop (bin/bridgeline
            // has removed any recording an earlier server left when it ended some other way)
            command.add("-XX:ArchiveClassesAtExit=" + recordingOf(archive));
            command.add("-Xlog:cds=off");
            command.add("-Xlog:cds+dynamic=off");
        });
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
                HealthWarning.report(distribution.controlSocket(), System.err);
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
        publishServerRecording();
        System.out.println("bridgeline stopped (pid " + process.pid() + ")");
        return 0;
    }

    /**
     * The class-data archive bin/bridgeline maps ({@code BRIDGELINE_CDS_ARCHIVE}, for start and stop only). A server
     * started without one records it under a name of its own, written as its JVM exits.
     */
    private static Optional<Path> archive() {
        return Optional.ofNullable(System.getenv("BRIDGELINE_CDS_ARCHIVE")).filter(name -> !name.isBlank()).map(Path::of);
    }

    private static Optional<Path> missingArchive() {
        return archive().filter(archive -> !Files.exists(archive));
    }

    private static Path recordingOf(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".server");
    }

    /**
     * The server exited cleanly, so its recording is whole: it becomes the archive, unless another run made one
     * meanwhile. A server that ended any other way leaves a recording nobody maps; the next start records afresh.
     */
    private static void publishServerRecording() {
        archive().ifPresent(archive -> {
            Path recording = recordingOf(archive);
            try {
                if (!Files.exists(archive) && Files.isRegularFile(recording) && Files.size(recording) > 0) {
                    Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.deleteIfExists(recording);
                }
            } catch (IOException e) {
                // the next start records again; nothing else depends on the archive
                System.err.println("warning: the class-data archive " + recording + " was not kept: " + e.getMessage());
            }
        });
    }

    static int status(Distribution distribution) throws IOException {
        Optional<ProcessHandle> running = running(distribution);
        if (running.isEmpty()) {
            Optional<InstallationLock.Holder> holder = InstallationLock.holder(distribution);
            if (holder.isPresent() && holder.get().command().equals("start")) {
                System.out.println("bridgeline is running (pid " + holder.get().pid() + "), starting");
                return 0;
            }
            System.out.println("bridgeline is not running" + holder
                    .map(other -> " in the background; a runtime in the foreground uses this installation (" + other.describe() + ")")
                    .orElse(""));
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
