package org.bridgeline.detect.inventory.internal;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bridgeline.api.detect.BilledPrice;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ContractRate;
import org.bridgeline.api.model.ContractService;
import org.bridgeline.api.model.ContractedPrice;

/** A carrier's contracts read together: which one prices a charge, and which services may be priced above them at all. */
final class ContractPrices {

    private final List<Contract> contracts;
    /** Every recurring rate of the contracts, gathered once: a carrier's every billed price is held against them. */
    private final List<ContractRate> recurringRates;

    ContractPrices(List<Contract> contracts) {
        this.contracts = contracts;
        this.recurringRates = contracts.stream().flatMap(ContractPrices::recurringRates).toList();
    }

    boolean isEmpty() {
        return recurringRates.isEmpty();
    }

    /**
     * The contracted price of a line: the contract whose term (the service's own, or the agreement's) holds the day it
     * is charged on, else the one whose term ended last before it.
     */
    Optional<ContractedPrice> of(ChargeLine line) {
        return contracts.stream().map(contract -> contract.priceFor(line)).flatMap(Optional::stream)
                .max(Comparator.comparing(ContractedPrice::inTerm).thenComparing(ContractedPrice::termEnd));
    }

    /**
     * Whether a billed price is above the lowest rate any contract could apply to it (the agreement's, a schedule's
     * or a list price): a cheap test that passes every price a line of it could be judged above.
     */
    boolean mayExceed(BilledPrice price) {
        for (ContractRate rate : recurringRates) {
            if (rate.matches(price.serviceType(), price.chargeCode(), price.bandwidthMbps())
                    && rate.rate().currency().equals(price.pricePerUnit().currency())
                    && price.pricePerUnit().amount().compareTo(rate.rate().amount()) > 0) {
                return true;
            }
        }
        return false;
    }

    private static Stream<ContractRate> recurringRates(Contract contract) {
        return Stream.of(contract.rates().stream(), contract.postTerm().listPrices().stream(),
                contract.services().stream().map(ContractService::rates).flatMap(List::stream)).flatMap(s -> s)
                .filter(rate -> rate.category() == ChargeCategory.RECURRING);
    }

    /** A line's quantity for pricing: a missing or zero quantity counts as one. */
    static BigDecimal quantity(ChargeLine line) {
        return line.quantity() == null || line.quantity().signum() == 0 ? BigDecimal.ONE : line.quantity();
    }
}
