package org.bridgeline.api.model;

import java.time.LocalDate;

/**
 * What a contract says one charge of one service costs on a day: the rate that applies, the term it
 * belongs to, and the most the contract allows.
 *
 * @param contract the contract
 * @param rate     the term's rate for the charge
 * @param term     the service's own term (a schedule entry's) or the agreement's
 * @param inTerm   whether the day falls inside that term
 * @param allowed  the most the contract allows per unit on that day; {@code null} after the term when the agreement sets
 *                 no ceiling
 */
public record ContractedPrice(Contract contract, ContractRate rate, Period term, boolean inTerm, Money allowed) {

    /** Whether the contract sets a ceiling the price can be judged against. */
    public boolean judged() {
        return allowed != null;
    }

    /** The day after which the service is out of its term. */
    public LocalDate termEnd() {
        return term.end();
    }
}
