package org.bridgeline.api.detect;

import java.time.LocalDate;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.ServiceType;

/**
 * What one invoice billed under one charge code for one kind of service in one charge category:
 * the {@link InvoiceTotal} split by charge code, for a detector whose rules read the code (a
 * surcharge's base, where a charge's jurisdiction follows its code), computed in the store.
 *
 * @param carrier       the carrier
 * @param account       the billing account
 * @param invoiceNumber the invoice
 * @param invoiceDate   its date
 * @param billingPeriod its billing period, or {@code null}
 * @param serviceType   the kind of service the lines state
 * @param category      the charge category
 * @param chargeCode    the charge code, or {@code null} for the lines without one
 * @param total         the sum of the lines
 * @param lines         how many lines
 */
public record InvoiceCodeTotal(String carrier, String account, String invoiceNumber, LocalDate invoiceDate, Period billingPeriod,
        ServiceType serviceType, ChargeCategory category, String chargeCode, Money total, long lines) {
}
