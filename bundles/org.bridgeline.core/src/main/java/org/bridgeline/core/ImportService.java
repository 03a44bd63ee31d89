package org.bridgeline.core;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/** Imports carrier bills into the book of business. */
@ProviderType
public interface ImportService {

    /** Told how an import advances, at most a few times a second. */
    @FunctionalInterface
    interface Progress {
        /**
         * @param file  the file being read
         * @param lines lines read so far in the whole import
         * @param bytes bytes read so far in the whole import
         */
        void update(String file, long lines, long bytes);
    }

    /**
     * Imports a file, every file below a folder, or every entry of a zip archive. Each invoice
     * is stored whole or not at all; a file imported before (same content) is not imported again.
     *
     * @throws IllegalArgumentException when the path does not exist or no parser is registered
     */
    ImportReport importPath(Path path, ImportOptions options, Progress progress);
}
