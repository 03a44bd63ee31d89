package org.bridgeline.core;

import java.util.List;

/**
 * The outcome of one {@code bl:import}: every file, every invoice, every problem.
 *
 * @param files   each file, in the order imported
 * @param dryRun  whether nothing was stored
 * @param millis  how long it took
 */
public record ImportReport(List<FileOutcome> files, boolean dryRun, long millis) {

    /** Problems listed per file; further ones are counted. */
    public static final int MAX_ISSUES_PER_FILE = 200;

    public long lines() {
        return files.stream().mapToLong(FileOutcome::lines).sum();
    }

    public long failedFiles() {
        return files.stream().filter(FileOutcome::failed).count();
    }
}
