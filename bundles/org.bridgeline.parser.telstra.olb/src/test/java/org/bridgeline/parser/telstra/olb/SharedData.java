package org.bridgeline.parser.telstra.olb;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The real carrier files others wrote, in ../shared/data beside the project; tests are skipped only when it is absent. */
final class SharedData {

    private SharedData() {
    }

    static Path file(String relative) {
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
