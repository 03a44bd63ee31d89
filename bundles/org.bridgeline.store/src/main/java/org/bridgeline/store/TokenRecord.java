package org.bridgeline.store;

import java.time.Instant;

/**
 * An API token as the registry keeps it: never the secret, only its keyed hash.
 *
 * @param tokenId    the public id, the middle of {@code blt_<id>_<secret>}
 * @param tenant     the tenant it speaks for
 * @param role       {@code viewer} or {@code operator}
 * @param secretHash HMAC-SHA256 of the secret under the runtime's token key, hex
 * @param createdAt  when it was issued
 * @param expiresAt  when it stops working, or null for never
 * @param revokedAt  when it was revoked, or null
 * @param lastUsedAt when a request last presented it, or null
 */
public record TokenRecord(String tokenId, String tenant, String role, String secretHash, Instant createdAt, Instant expiresAt,
        Instant revokedAt, Instant lastUsedAt) {

    /** Whether the token may be used at the moment given. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** Never the hash: records are printed. */
    @Override
    public String toString() {
        return "TokenRecord[" + tokenId + ", " + tenant + ", " + role + "]";
    }
}
