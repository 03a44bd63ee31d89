package org.bridgeline.api.model;

import java.util.List;
import java.util.Objects;

/**
 * A carrier contract: its term, commitment, rates and SLA.
 *
 * @param carrier             the carrier
 * @param contractId          the contract's own id
 * @param term                first and last day of the initial term
 * @param autoRenewal         whether the contract renews itself at the end of the term
 * @param renewalTermMonths   length of each renewal, when it renews; 0 otherwise
 * @param committedSpend      the annual spend the enterprise committed to, or {@code null}
 * @param rates               contracted rates
 * @param sla                 SLA terms
 */
public record Contract(
        String carrier,
        String contractId,
        Period term,
        boolean autoRenewal,
        int renewalTermMonths,
        Money committedSpend,
        List<ContractRate> rates,
        SlaTerms sla) {

    public Contract {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(term, "term");
        rates = List.copyOf(rates);
        sla = sla == null ? SlaTerms.NONE : sla;
    }
}
