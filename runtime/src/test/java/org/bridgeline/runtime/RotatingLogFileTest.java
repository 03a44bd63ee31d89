package org.bridgeline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingLogFileTest {

    @TempDir
    Path folder;

    /** Each record as its message and a newline: 10 bytes for "line 00042". */
    private static final Formatter MESSAGE = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return record.getMessage() + "\n";
        }
    };

    /** Lines {@code from} to {@code to} (exclusive) logged by one run: the file opened, written and closed. */
    private static void run(Path log, long limit, int kept, int from, int to) throws java.io.IOException {
        RotatingLogFile file = new RotatingLogFile(log, limit, kept);
        file.setFormatter(MESSAGE);
        for (int i = from; i < to; i++) {
            file.publish(new LogRecord(Level.INFO, String.format("line %04d", i)));
        }
        file.close();
    }

    @Test
    void aFullLogMovesAlongUnderNumberedNamesAndTheOldestIsDropped() throws Exception {
        Path log = folder.resolve("bridgeline.log");
        run(log, 100, 2, 0, 35); // ten lines a file
        assertEquals(List.of("line 0030", "line 0031", "line 0032", "line 0033", "line 0034"), Files.readAllLines(log));
        assertEquals(10, Files.readAllLines(RotatingLogFile.older(log, 1)).size());
        assertEquals("line 0020", Files.readAllLines(RotatingLogFile.older(log, 1)).get(0));
        assertEquals("line 0010", Files.readAllLines(RotatingLogFile.older(log, 2)).get(0));
        assertFalse(Files.exists(RotatingLogFile.older(log, 3)), "two older files kept, the oldest ten lines dropped");
        for (Path each : List.of(log, RotatingLogFile.older(log, 1), RotatingLogFile.older(log, 2))) {
            assertTrue(Files.size(each) <= 100, each + " is " + Files.size(each) + " bytes");
        }
    }

    @Test
    void aRestartAppendsToTheLogAndCountsWhatItHolds() throws Exception {
        Path log = folder.resolve("bridgeline.log");
        run(log, 100, 1, 0, 8);
        run(log, 100, 1, 8, 12);
        List<String> rotated = Files.readAllLines(RotatingLogFile.older(log, 1));
        assertEquals(10, rotated.size(), "the first run's eight lines and two of the second's fill a file");
        assertEquals("line 0009", rotated.get(9));
        assertEquals(List.of("line 0010", "line 0011"), Files.readAllLines(log));
    }

    @Test
    void noLimitNeverRotatesAndNoOlderFilesOnlyStartsAgain() throws Exception {
        Path unlimited = folder.resolve("unlimited.log");
        run(unlimited, 0, 3, 0, 50);
        assertEquals(50, Files.readAllLines(unlimited).size());
        assertFalse(Files.exists(RotatingLogFile.older(unlimited, 1)));

        Path single = folder.resolve("single.log");
        run(single, 100, 0, 0, 25);
        assertEquals(5, Files.readAllLines(single).size());
        assertFalse(Files.exists(RotatingLogFile.older(single, 1)));
    }

    @Test
    void aRotationThatCannotRenameLosesNoLineAndIsTriedAgainOnlyAfterAnotherLimit() throws Exception {
        Path log = folder.resolve("bridgeline.log");
        Files.createDirectories(RotatingLogFile.older(log, 1).resolve("in-the-way")); // a full folder where .1 goes
        List<Exception> reported = new ArrayList<>();
        RotatingLogFile file = new RotatingLogFile(log, 100, 1);
        file.setFormatter(MESSAGE);
        file.setErrorManager(new java.util.logging.ErrorManager() {
            @Override
            public synchronized void error(String message, Exception e, int code) {
                reported.add(e);
            }
        });
        for (int i = 0; i < 35; i++) {
            file.publish(new LogRecord(Level.INFO, String.format("line %04d", i)));
        }
        file.close();
        assertEquals(35, Files.readAllLines(log).size(), "every line in the log it has");
        assertEquals(3, reported.size(), "tried at lines 10, 20 and 30, not at every line after the first: " + reported);
    }

    @Test
    void theDistributionsSettingsChooseTheLimitAndAMistypedOneFallsBackToTheDefaults() throws Exception {
        Path home = folder.resolve("home");
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/bridgeline.properties"), RuntimeLog.ROTATE_MIB + "=1\n" + RuntimeLog.KEPT + "=1\n");
        RuntimeLog.open(new Distribution(home));
        String big = "x".repeat(1000);
        for (int i = 0; i < 1100; i++) {
            java.util.logging.Logger.getLogger("test").info(big);
        }
        RuntimeLog.close();
        assertTrue(Files.exists(RotatingLogFile.older(home.resolve("log/bridgeline.log"), 1)), "rotated at 1 MiB");
        assertTrue(Files.size(RotatingLogFile.older(home.resolve("log/bridgeline.log"), 1)) <= 1024 * 1024);

        Files.writeString(home.resolve("conf/bridgeline.properties"), RuntimeLog.KEPT + "=some\n");
        RuntimeLog.open(new Distribution(home));
        RuntimeLog.close();
        List<String> lines = new ArrayList<>(Files.readAllLines(home.resolve("log/bridgeline.log")));
        assertTrue(lines.get(lines.size() - 1).endsWith("conf/bridgeline.properties: bridgeline.log.kept: expected a whole number, "
                + "0 or more, found \"some\"; the log rotates at 50 MiB, 4 older files kept"), lines.get(lines.size() - 1));
    }
}
