package org.bridgeline.core;

import java.util.List;

/**
 * What became of one file.
 *
 * @param file     the file (an archive entry as {@code archive.zip!/entry})
 * @param parserId the parser that read it, or {@code null} when none did
 * @param status   what became of it
 * @param message  one line saying why, for every status but IMPORTED
 * @param invoices its invoices
 * @param issues   its problems, at most {@link ImportReport#MAX_ISSUES_PER_FILE}
 * @param moreIssues how many further problems were counted but not listed
 * @param bytes    its size
 */
public record FileOutcome(String file, String parserId, Status status, String message, List<InvoiceOutcome> invoices,
        List<ImportIssue> issues, long moreIssues, long bytes) {

    /** What became of a file. */
    public enum Status {
        /** Every invoice stored. */
        IMPORTED(false),
        /** Some invoices stored, some rejected. */
        PARTIAL(true),
        /** No invoice stored. */
        REJECTED(true),
        /** The same content was imported before: nothing stored again. */
        ALREADY_IMPORTED(false),
        /** No parser can read it. */
        NO_PARSER(true),
        /** In a folder or archive, beside bills that were read, a file no parser recognises: not a failure. */
        NOT_A_BILL(false),
        /** It could not be read or stored. */
        FAILED(true),
        /** A dry run read it. */
        CHECKED(false);

        private final boolean failure;

        Status(boolean failure) {
            this.failure = failure;
        }

        /** Whether the operator has something to put right. */
        public boolean failure() {
            return failure;
        }
    }

    public long lines() {
        return invoices.stream().mapToLong(InvoiceOutcome::lines).sum();
    }

    public boolean failed() {
        return status.failure();
    }
}
