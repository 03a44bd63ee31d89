package org.bridgeline.store;

import java.time.Instant;

/**
 * One bill on its way in, as every runtime on the database sees it: who holds it, until when, and
 * how it ended.
 *
 * @param tenant     the tenant whose inbox it came to
 * @param id         the intake's id, sortable by arrival
 * @param file       the file's name as it arrived
 * @param state      {@link #RECEIVED}, {@link #PROCESSING}, {@link #IMPORTED} (its audit to come, still held),
 *                   {@link #DONE} or {@link #FAILED}
 * @param receivedAt when it arrived whole
 * @param startedAt  when its latest holder claimed it, or null while it waits
 * @param finishedAt when its import finished, or null
 * @param holder     the runtime holding it (or that last held it), or null
 * @param leaseUntil until when its holder's claim stands: past it, another runtime may take the bill over
 * @param attempts   how many times a runtime has claimed it
 * @param auditRunId the audit run that read it, or null
 * @param reason     why it failed, one line naming the file, record and field, or null
 * @param reportJson the import report as {@code bl:import --json} prints it, or null
 */
public record IntakeJob(String tenant, String id, String file, String state, Instant receivedAt, Instant startedAt,
        Instant finishedAt, String holder, Instant leaseUntil, int attempts, Long auditRunId, String reason, String reportJson) {

    public static final String RECEIVED = "RECEIVED";
    public static final String PROCESSING = "PROCESSING";
    /** Imported, the audit that reads it still to run: held like a bill being imported, and taken over the same way. */
    public static final String IMPORTED = "IMPORTED";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    /** A bill that has just arrived, held by no one. */
    public static IntakeJob received(String tenant, String id, String file, Instant at) {
        return new IntakeJob(tenant, id, file, RECEIVED, at, null, null, null, null, 0, null, null, null);
    }

    /** Whether its import has ended, well or not. */
    public boolean finished() {
        return DONE.equals(state) || FAILED.equals(state);
    }
}
