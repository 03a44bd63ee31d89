package org.bridgeline.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * One runtime at a time per installation. Two frameworks on one {@code data/} would share the bundle cache (Felix 7
 * carries on when it cannot lock it), the embedded store (the second cannot open it) and the configured ports. The
 * lock is the operating system's, so it ends with its process however that process ends; the file says who holds it.
 */
final class InstallationLock {

    /** Who holds the lock: a process and the launcher command it runs ({@code exec}, {@code run}, {@code start}). */
    record Holder(long pid, String command) {
        String describe() {
            return pid > 0 ? "pid " + pid + ", bridgeline " + command : "a process that has not said which";
        }
    }

    /** This process's lock, once taken: its channel stays open (and referenced) until the process exits. */
    private static FileChannel held;

    private InstallationLock() {
    }

    static Path file(Distribution distribution) {
        return distribution.data().resolve("bridgeline.lock");
    }

    /** Takes the lock for the rest of this process's life; empty when taken, else who holds it. */
    static synchronized Optional<Holder> acquire(Distribution distribution, String command) throws IOException {
        Files.createDirectories(distribution.data());
        Path file = file(distribution);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            if (tryLock(channel) == null) {
                Holder holder = readHolder(channel);
                channel.close();
                return Optional.of(holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + " " + command + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            held = channel;
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Who holds the lock now, if anyone; takes and releases it when nobody does. */
    static Optional<Holder> holder(Distribution distribution) throws IOException {
        if (!Files.exists(file(distribution))) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file(distribution), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock != null) {
                lock.release();
                return Optional.empty();
            }
            return Optional.of(readHolder(channel));
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // this process holds it already
        }
    }

    private static Holder readHolder(FileChannel channel) throws IOException {
        ByteBuffer content = ByteBuffer.allocate(256);
        channel.read(content, 0);
        String[] words = new String(content.array(), 0, content.position(), StandardCharsets.UTF_8).strip().split("\\s+", 2);
        try {
            return new Holder(Long.parseLong(words[0]), words.length > 1 ? words[1] : "?");
        } catch (NumberFormatException e) {
            return new Holder(0, "?");
        }
    }
}
