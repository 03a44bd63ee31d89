package org.bridgeline.core;

import java.util.List;

/**
 * What became of one file.
 *
 * @param file     the file (an archive entry as {@code archive.zip!/entry})
 * @param parserId the parser that read it, or {@code null} when none did
 * @param status   IMPORTED, PARTIAL (some invoices rejected), REJECTED (no invoice stored),
 *                 ALREADY_IMPORTED (the same content was imported before), NO_PARSER, NOT_A_BILL (in a folder
 *                 or archive, beside bills that were read, a file no parser recognises: not a failure), FAILED,
 *                 CHECKED (a dry run)
 * @param message  one line saying why, for every status but IMPORTED
 * @param invoices its invoices
 * @param issues   its problems, at most {@link ImportReport#MAX_ISSUES_PER_FILE}
 * @param moreIssues how many further problems were counted but not listed
 * @param bytes    its size
 */
public record FileOutcome(String file, String parserId, String status, String message, List<InvoiceOutcome> invoices,
        List<ImportIssue> issues, long moreIssues, long bytes) {

    public static final String NO_PARSER = "NO_PARSER";
    public static final String NOT_A_BILL = "NOT_A_BILL";

    public long lines() {
        return invoices.stream().mapToLong(InvoiceOutcome::lines).sum();
    }

    public boolean failed() {
        return !status.equals("IMPORTED") && !status.equals("ALREADY_IMPORTED") && !status.equals("CHECKED") && !status.equals(NOT_A_BILL);
    }
}
