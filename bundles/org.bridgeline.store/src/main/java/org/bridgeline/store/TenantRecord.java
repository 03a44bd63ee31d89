package org.bridgeline.store;

import java.time.Instant;

/**
 * A tenant: one enterprise a hosted runtime serves.
 *
 * @param tenant    its name, which every row of its data carries
 * @param createdAt when an operator added it
 */
public record TenantRecord(String tenant, Instant createdAt) {
}
