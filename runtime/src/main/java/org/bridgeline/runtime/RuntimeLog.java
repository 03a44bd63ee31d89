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
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The runtime log, {@code log/bridgeline.log}: one timestamped line per event. Bundles log
 * through {@code java.util.logging}, which every bundle sees, so the launcher, core and plugins
 * write to the same file. Output nobody asked for (a library printing to stdout) is logged too,
 * so the console shows only what commands print.
 */
public final class RuntimeLog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private RuntimeLog() {
    }

    /** Sends every {@code java.util.logging} record at INFO and above to the log file. */
    public static void open(Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        FileHandler file = new FileHandler(logFile.toString(), 0, 1, true);
        file.setEncoding("UTF-8");
        file.setFormatter(new LineFormatter());
        root.addHandler(file);
        root.setLevel(Level.INFO);
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
