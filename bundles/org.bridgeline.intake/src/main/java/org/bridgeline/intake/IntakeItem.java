package org.bridgeline.intake;

import java.time.Instant;

/**
 * One bill taken in.
 *
 * @param id          the intake's id: sortable by arrival, {@code 20261201T101530123Z-3fa9}
 * @param tenant      the tenant whose inbox it came to
 * @param file        the file's name as it arrived
 * @param state       where it is
 * @param receivedAt  when it arrived (upload finished, or found whole in the inbox)
 * @param startedAt   when a runtime took it to import, or null while it waits
 * @param finishedAt  when its import finished, or null
 * @param attempts    how many times a runtime took it (more than one: a runtime stopped while importing it)
 * @param runtime     the runtime that took it last, or null
 * @param auditRunId  the audit run that read it, or null until that audit has run
 * @param reason      why it failed, one line naming the file, record and field, or null
 * @param reportJson  the import report as {@code bl:import --json} prints it, or null until imported
 */
public record IntakeItem(String id, String tenant, String file, IntakeState state, Instant receivedAt, Instant startedAt,
        Instant finishedAt, int attempts, String runtime, Long auditRunId, String reason, String reportJson) {
}
