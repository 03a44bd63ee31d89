package org.bridgeline.store;

import org.bridgeline.api.model.Finding;

/**
 * A finding as an audit run stored it.
 *
 * @param findingId the store's id, what {@code bl:finding ID} takes
 * @param runId     the audit run it belongs to
 * @param finding   the finding, its evidence lines with their source positions
 */
public record StoredFinding(long findingId, long runId, Finding finding) {
}
