package org.bridgeline.core;

import java.util.List;
import org.bridgeline.api.model.Money;
import org.bridgeline.store.CategoryTotal;

/**
 * What became of one invoice of an imported file.
 *
 * @param carrier      the carrier
 * @param account      the billing account
 * @param number       the invoice number
 * @param date         the invoice date, ISO
 * @param lines        lines imported
 * @param linesLeftOut bad records left out (with {@code keepGoodLines}) or in the rejected bill
 * @param lineTotal    the sum of the imported lines
 * @param statedTotal  the total the bill states, or {@code null}
 * @param gap          stated total minus line total, or {@code null} when the bill states none
 * @param status       what became of it
 * @param byCategory   totals of the imported lines by charge category
 */
public record InvoiceOutcome(String carrier, String account, String number, String date, long lines, long linesLeftOut,
        Money lineTotal, Money statedTotal, Money gap, Status status, List<CategoryTotal> byCategory) {

    /** What became of an invoice. */
    public enum Status {
        /** Stored. */
        STORED,
        /** Stored as a corrected re-issue that supersedes an earlier one. */
        REISSUE,
        /** Nothing of it stored. */
        REJECTED,
        /** A dry run read it. */
        CHECKED
    }

    /** BALANCED, a gap, or NOT STATED: the reconciliation in words. */
    public String balance() {
        if (gap == null) {
            return "NOT STATED";
        }
        return gap.isZero() ? "BALANCED" : "GAP " + gap.rounded();
    }
}
