package org.bridgeline.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The runtime log, {@code log/bridgeline.log}, rotated by size ({@link RotatingLogFile}): one
 * timestamped line per event. Bundles log through {@code java.util.logging}, which every bundle
 * sees, so the launcher, core and plugins write to the same file. Output nobody asked for (a
 * library printing to stdout) is logged too, so the console shows only what commands print.
 */
public final class RuntimeLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private RuntimeLog() {
    }

    /** The size past which the log is rotated, in MiB ({@code conf/bridgeline.properties}; 0: never). */
    static final String ROTATE_MIB = "bridgeline.log.rotate-mib";
    /** How many rotated files are kept beside the current one. */
    static final String KEPT = "bridgeline.log.kept";

    /**
     * Sends every {@code java.util.logging} record at INFO and above to the distribution's log file,
     * rotated as {@code conf/bridgeline.properties} says (by default at 50 MiB, four older files kept).
     */
    public static void open(Distribution distribution) throws IOException {
        Map<String, String> properties = distribution.frameworkProperties();
        try {
            open(distribution.logFile(), 1024L * 1024 * number(properties, ROTATE_MIB, 50), (int) number(properties, KEPT, 4));
        } catch (IllegalArgumentException e) {
            // a mistyped log setting does not keep the runtime from starting: the defaults, and the log says why
            open(distribution.logFile(), 1024L * 1024 * 50, 4);
            Logger.getLogger("org.bridgeline.runtime").warning(e.getMessage() + "; the log rotates at 50 MiB, 4 older files kept");
        }
    }

    static void open(Path logFile, long rotateBytes, int kept) throws IOException {
        Files.createDirectories(logFile.getParent());
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        RotatingLogFile file = new RotatingLogFile(logFile, rotateBytes, kept);
        file.setFormatter(new LineFormatter());
        root.addHandler(file);
        root.setLevel(Level.INFO);
    }

    private static long number(Map<String, String> properties, String name, long otherwise) {
        String value = properties.get(name);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= 0 && number <= Integer.MAX_VALUE) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("conf/bridgeline.properties: " + name + ": expected a whole number, 0 or more, found \"" + value + "\"");
    }

    public static void close() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.close();
        }
    }

    /** A stream that logs each line written to it, for stray stdout and stderr. */
    public static PrintStream linesTo(String loggerName, Level level) {
        Logger logger = Logger.getLogger(loggerName);
        return new PrintStream(new OutputStream() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public synchronized void write(int b) {
                if (b == '\n') {
                    flushLine();
                } else if (b != '\r') {
                    line.append((char) b);
                }
            }

            @Override
            public synchronized void write(byte[] bytes, int offset, int length) {
                String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '\n') {
                        flushLine();
                    } else if (c != '\r') {
                        line.append(c);
                    }
                }
            }

            private void flushLine() {
                if (!line.toString().isBlank()) {
                    logger.log(level, line.toString());
                }
                line.setLength(0);
            }
        }, true, StandardCharsets.UTF_8);
    }

    /**
     * Keeps the log open through shutdown: the JDK resets logging in a shutdown hook of its own,
     * which would lose the lines the runtime writes while it stops. The runtime closes its log
     * itself, last.
     */
    public static final class Manager extends java.util.logging.LogManager {
        @Override
        public void reset() {
            // deliberately empty; see the class comment
        }
    }

    static final class LineFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringBuilder text = new StringBuilder(TIME.format(Instant.ofEpochMilli(record.getMillis())))
                    .append(' ').append(String.format("%-7s", record.getLevel().getName()))
                    .append(' ').append(record.getLoggerName()).append(": ").append(formatMessage(record));
            if (record.getThrown() != null) {
                text.append(" (").append(record.getThrown()).append(')');
            }
            return text.append(System.lineSeparator()).toString();
        }
    }
}
