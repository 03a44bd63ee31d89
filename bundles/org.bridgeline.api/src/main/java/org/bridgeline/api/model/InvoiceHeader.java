package org.bridgeline.api.model;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * What a bill says about itself before its lines: who billed whom, when, for which period and
 * in which currency. A parser hands it to the sink when an invoice starts.
 *
 * @param carrier       the carrier
 * @param account       billing account number
 * @param subAccount    sub-billing arrangement, or {@code null}
 * @param number        invoice number, unique per carrier and account
 * @param date          invoice date
 * @param billingPeriod the period billed, or {@code null} when the bill does not state it
 * @param currency      currency of every amount on the invoice
 * @param source        where the invoice starts in its file
 */
public record InvoiceHeader(
        String carrier,
        String account,
        String subAccount,
        String number,
        LocalDate date,
        Period billingPeriod,
        Currency currency,
        SourcePosition source) {

    public InvoiceHeader {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(source, "source");
    }
}
