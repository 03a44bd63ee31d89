package org.bridgeline.core;

/**
 * How to import.
 *
 * @param tenant       whose book of business
 * @param parserId     the parser to use, or {@code null} to let core choose the most confident
 * @param dryRun       parse and validate only; store nothing
 * @param keepGoodLines import a bill without its bad records (listed in the report) instead of
 *                     rejecting the whole bill, which is the default
 */
public record ImportOptions(String tenant, String parserId, boolean dryRun, boolean keepGoodLines) {
}
