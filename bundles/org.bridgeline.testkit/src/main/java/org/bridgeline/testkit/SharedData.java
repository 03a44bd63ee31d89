package org.bridgeline.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Real carrier files written by others, in a {@code shared/data} folder beside the project
 * (found by walking up from the working directory). Tests read them in place and are skipped
 * only when the folder is absent.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The file at {@code relative} below shared/data; aborts the test when there is no such folder or file. */
    public static Path file(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("../shared/data").normalize();
            if (Files.isDirectory(candidate)) {
                Path file = candidate.resolve(relative);
                Assumptions.assumeTrue(Files.exists(file), "shared data file missing: " + file);
                return file;
            }
        }
        Assumptions.abort("no ../shared/data folder above " + Path.of("").toAbsolutePath());
        return null;
    }
}
