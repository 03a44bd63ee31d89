package org.bridgeline.dispute;

/**
 * A dispute's letter to its carrier.
 *
 * @param name the files' base name, such as {@code dispute-7-acme-telecom}
 * @param html a printable page: the claim, each finding with its evidence lines and where they were read
 * @param csv  one row per evidence line in the columns carriers' dispute portals take: account, invoice,
 *             bill date, service id, charge code, amount billed, amount expected, amount disputed, reason,
 *             and the line's file and record
 */
public record DisputeLetter(String name, String html, String csv) {
}
