package org.bridgeline.store;

import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Money;

/**
 * An invoice as stored.
 *
 * @param invoiceId   the store's id
 * @param importId    the import it came from
 * @param header      what the bill says about itself
 * @param statedTotal the total the bill states, or {@code null}
 * @param lineTotal   the sum of its stored lines
 * @param lines       how many lines are stored
 * @param revision    1 for the first issue; a corrected re-issue of the same carrier, account
 *                    and invoice number gets the next revision and supersedes the earlier one
 * @param supersedes  the invoice id this revision replaces, or 0
 */
public record StoredInvoice(long invoiceId, long importId, InvoiceHeader header, Money statedTotal, Money lineTotal,
        long lines, int revision, long supersedes) {
}
