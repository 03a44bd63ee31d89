package org.bridgeline.tenancy;

/**
 * Who a request comes from, as its token says: the tenant every read and write of the request is
 * bound to, and what it may do.
 *
 * @param tenant  the tenant the token speaks for
 * @param role    what it may do
 * @param tokenId the token's public id, for the record of who did what
 */
public record Caller(String tenant, Role role, String tokenId) {
}
