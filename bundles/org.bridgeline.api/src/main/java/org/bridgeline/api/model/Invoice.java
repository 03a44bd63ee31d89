package org.bridgeline.api.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole invoice: its header, every charge line and the total the bill states.
 *
 * <p>Core assembles invoices from what a parser streams and imports each whole or not at all.
 * Detectors read invoices from the book of business.
 *
 * @param header      the invoice header
 * @param statedTotal the total the bill itself states, or {@code null} when the format has none;
 *                    core reconciles the lines against it
 * @param lines       every charge line, in the order the bill lists them
 */
public record Invoice(InvoiceHeader header, Money statedTotal, List<ChargeLine> lines) {

    public Invoice {
        Objects.requireNonNull(header, "header");
        lines = List.copyOf(lines);
    }

    /** The sum of every line's amount, exact. */
    public Money lineTotal() {
        Money total = Money.zero(header.currency());
        for (ChargeLine line : lines) {
            total = total.plus(line.amount());
        }
        return total;
    }

    /** Stated total minus line total, when the bill states a total. Zero means balanced. */
    public Optional<Money> reconciliationGap() {
        return Optional.ofNullable(statedTotal).map(stated -> stated.minus(lineTotal()));
    }
}
