package org.bridgeline.api.parser;

import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Money;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a parser hands what it reads, as it reads it. Core implements it; parsers only call it.
 *
 * <p>The calls for one file follow this grammar: {@code (startInvoice line* endInvoice)*}, with
 * {@link #problem} allowed anywhere. Lines belong to the invoice most recently started. Core
 * decides per invoice whether it is imported (all its lines) or rejected (none of them); a
 * parser never needs to hold an invoice in memory.
 */
@ProviderType
public interface ParseSink {

    /** An invoice begins; the lines that follow belong to it. */
    void startInvoice(InvoiceHeader header);

    /** One charge line of the current invoice. */
    void line(ChargeLine line);

    /**
     * The current invoice ends.
     *
     * @param statedTotal the total the bill states for this invoice, or {@code null} when the
     *                    format states none; core reconciles the lines against it
     */
    void endInvoice(Money statedTotal);

    /** A record that could not be read. The parser goes on with the next record unless it is fatal. */
    void problem(ParseProblem problem);

    /**
     * Something worth telling the operator that does not make the record or the invoice wrong (a
     * segment the format allows but the parser does not use, a value it had to assume). Core lists
     * warnings in the import report; they never reject anything.
     *
     * @since 1.1
     */
    default void warning(ParseProblem warning) {
        // a sink that keeps no notes ignores it
    }

    /** {@code true} once the operator cancelled the import; a parser should stop reading soon after. */
    default boolean cancelled() {
        return false;
    }
}
