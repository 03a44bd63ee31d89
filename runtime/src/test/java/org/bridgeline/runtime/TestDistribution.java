package org.bridgeline.runtime;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** A fresh copy of the assembled distribution for one test class, so tests never share state. */
final class TestDistribution {

    private TestDistribution() {
    }

    static Path assembled() {
        String configured = System.getProperty("bridgeline.distribution");
        Path path = Path.of(configured == null ? "target/bridgeline" : configured);
        if (!Files.isExecutable(path.resolve("bin/bridgeline"))) {
            throw new IllegalStateException("no assembled distribution at " + path + ": run mvn package first");
        }
        return path;
    }

    static Path itestPlugin() {
        return Path.of(System.getProperty("bridgeline.itest.plugin", "target/it-plugins/org.bridgeline.itest.plugin.jar"));
    }

    /** Copies the distribution into {@code target}, without its data, log or deployed jars. */
    static Path copyTo(Path target) throws IOException {
        Path source = assembled();
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = source.relativize(dir);
                if (relative.getNameCount() == 1 && (relative.toString().equals("data") || relative.toString().equals("log")
                        || relative.toString().equals("deploy"))) {
                    Files.createDirectories(target.resolve(relative));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(relative));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path relative = source.relativize(file);
                if (relative.startsWith("system")) {
                    // bundles are only read: link them (the database driver alone is 80 MB)
                    Files.createSymbolicLink(target.resolve(relative), file.toAbsolutePath());
                } else {
                    Files.copy(file, target.resolve(relative), StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return target;
    }

    /** Keeps a test runtime's log in target/it-logs, for reading after a failure. */
    static void keepLog(Path home, String name) throws IOException {
        Path logs = Files.createDirectories(Path.of("target/it-logs"));
        Path log = home.resolve("log/bridgeline.log");
        if (Files.exists(log)) {
            Files.copy(log, logs.resolve(name + ".log"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Waits until the condition holds; fails with the message after the timeout. */
    static void eventually(Duration timeout, BooleanSupplier condition, java.util.function.Supplier<String> message)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + message.get());
            }
            Thread.sleep(20);
        }
    }
}
