package org.bridgeline.store;

import java.time.Instant;

/**
 * One file the store has taken in.
 *
 * @param importId    the store's id for the import
 * @param fileName    the file as the operator named it
 * @param contentHash SHA-256 of the file's bytes, hex; the same content is never imported twice
 * @param parserId    the parser that read it
 * @param importedAt  when the import began
 * @param invoices    invoices stored from it
 * @param lines       charge lines stored from it
 */
public record ImportRecord(long importId, String fileName, String contentHash, String parserId, Instant importedAt,
        long invoices, long lines) {
}
