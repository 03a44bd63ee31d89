package org.bridgeline.store;

import java.time.LocalDate;
import org.bridgeline.api.model.Money;

/**
 * A credit or adjustment line of a later bill set against a dispute: applied to it, proposed for an
 * operator to confirm (the match was not certain), or rejected. One line may be split over several
 * disputes, each holding the part applied to it.
 *
 * @param seq           its number within the dispute
 * @param lineKey       what identifies the bill's line: its invoice, file and record
 * @param invoiceNumber the invoice carrying it
 * @param invoiceDate   that invoice's date
 * @param serviceId     the service the line names, or {@code null}
 * @param chargeCode    its charge code, or {@code null}
 * @param description   its description, or {@code null}
 * @param lineAmount    the line's amount as billed (negative)
 * @param applied       the part set against this dispute (positive)
 * @param file          the file it was read from
 * @param record        its record in that file
 * @param status        applied, proposed or rejected
 * @param reason        why it was matched, or why it is only proposed
 */
public record DisputeCredit(int seq, String lineKey, String invoiceNumber, LocalDate invoiceDate, String serviceId, String chargeCode,
        String description, Money lineAmount, Money applied, String file, long record, Status status, String reason) {

    public enum Status {
        APPLIED, PROPOSED, REJECTED
    }

    /** The same credit with another status and reason. */
    public DisputeCredit decided(Status decided, String why) {
        return new DisputeCredit(seq, lineKey, invoiceNumber, invoiceDate, serviceId, chargeCode, description, lineAmount, applied, file,
                record, decided, why);
    }
}
