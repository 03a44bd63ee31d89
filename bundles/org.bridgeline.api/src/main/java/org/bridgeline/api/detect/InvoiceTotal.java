package org.bridgeline.api.detect;

import java.time.LocalDate;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.ServiceType;

/**
 * What one invoice billed for one kind of service in one charge category: an aggregate the store
 * computes, so a detector that judges a bill as a whole (a surcharge against its base) reads a
 * few rows per invoice.
 *
 * @param carrier       the carrier
 * @param account       the billing account
 * @param invoiceNumber the invoice
 * @param invoiceDate   its date
 * @param billingPeriod its billing period, or {@code null}
 * @param serviceType   the kind of service the lines state
 * @param category      the charge category
 * @param total         the sum of the lines
 * @param lines         how many lines
 */
public record InvoiceTotal(String carrier, String account, String invoiceNumber, LocalDate invoiceDate, Period billingPeriod,
        ServiceType serviceType, ChargeCategory category, Money total, long lines) {
}
