package org.bridgeline.store;

import java.time.Instant;
import java.util.List;

/**
 * One audit run.
 *
 * @param runId     the store's id
 * @param started   when it began
 * @param finished  when it ended
 * @param detectors the detectors that ran, by id
 * @param findings  how many findings it stored
 */
public record AuditRunRecord(long runId, Instant started, Instant finished, List<String> detectors, long findings) {
}
