package org.bridgeline.runtime;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * The runtime's log file, appended to across runs under the one name an operator tails. Once the
 * next line would take it past its limit it becomes {@code <name>.1}, the older ones move along to
 * {@code .2} up to {@code .kept} (the oldest is dropped), and a new file begins: a server that runs
 * for months keeps at most {@code (kept + 1) × limit} bytes of log. JUL's own FileHandler rotates
 * only under numbered names ({@code bridgeline.log.0}), hence this handler.
 */
final class RotatingLogFile extends Handler {

    private final Path file;
    private final long limit;
    private final int kept;
    private OutputStream out;
    private long size;

    /**
     * @param limit the size in bytes past which the file is rotated; 0 never rotates (for an outside rotator that truncates)
     * @param kept  the older files kept beside the current one
     */
    RotatingLogFile(Path file, long limit, int kept) throws IOException {
        if (limit < 0 || kept < 0) {
            throw new IllegalArgumentException("a log's limit and the files it keeps are 0 or more, found " + limit + " and " + kept);
        }
        this.file = file;
        this.limit = limit;
        this.kept = kept;
        open();
    }

    private void open() throws IOException {
        out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        size = Files.size(file);
    }

    /** The file the log rolls into as its {@code generation}th older file. */
    static Path older(Path file, int generation) {
        return file.resolveSibling(file.getFileName() + "." + generation);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record) || out == null) {
            return;
        }
        byte[] line;
        try {
            line = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            reportError(null, e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        try {
            if (limit > 0 && size > 0 && size + line.length > limit) {
                rotate();
            }
            out.write(line);
            // each line reaches the file as it is logged: a crash must not take the lines that explain it
            out.flush();
            size += line.length;
        } catch (IOException e) {
            reportError(null, e, ErrorManager.WRITE_FAILURE);
        }
    }

    /**
     * Moves the files along and opens a new one. A rename that fails (a folder where a file should be,
     * permissions) is reported, and the log goes on in the file it has: the line that asked for the
     * rotation is still written, and the next attempt waits until another {@code limit} bytes are logged,
     * not the next line.
     */
    private void rotate() throws IOException {
        out.close();
        boolean moved = false;
        try {
            if (kept == 0) {
                Files.delete(file);
            } else {
                Files.deleteIfExists(older(file, kept));
                for (int generation = kept - 1; generation >= 1; generation--) {
                    if (Files.exists(older(file, generation))) {
                        Files.move(older(file, generation), older(file, generation + 1), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                Files.move(file, older(file, 1), StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } catch (IOException e) {
            reportError("the log cannot be rotated", e, ErrorManager.GENERIC_FAILURE);
        } finally {
            open();
        }
        if (!moved) {
            size = 0;
        }
    }

    @Override
    public synchronized void flush() {
        whileOpen(() -> out.flush(), ErrorManager.FLUSH_FAILURE);
    }

    @Override
    public synchronized void close() {
        whileOpen(() -> out.close(), ErrorManager.CLOSE_FAILURE);
        out = null;
    }

    /** A step on the open file. */
    private interface FileStep {
        void run() throws IOException;
    }

    /** Runs the step while the file is open; a failure is reported with the code, as JUL's handlers report theirs. */
    private void whileOpen(FileStep step, int errorCode) {
        if (out == null) {
            return;
        }
        try {
            step.run();
        } catch (IOException e) {
            reportError(null, e, errorCode);
        }
    }
}
