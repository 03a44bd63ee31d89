package org.bridgeline.detect.inventory.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ContractedPrice;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.Severity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Detector 1: a recurring charge billed above what its contract allows on the day it is charged:
 * the rate (the service schedule's, else the agreement's) within the service's own term; after it,
 * what the agreement's post-term rule allows (the rate held, the rate plus an uplift, a named list
 * price; month to month sets no ceiling). A price at what the contract allows is correct. The
 * credit is (billed unit price − allowed) × quantity, per line: never what the contract allows.
 */
@Component
public final class RateAboveContractDetector implements AnomalyDetector {

    private final RecurringPriceCandidates candidates;

    @Activate
    public RateAboveContractDetector(@Reference RecurringPriceCandidates candidates) {
        this.candidates = candidates;
    }

    @Override
    public String id() {
        return "rate-above-contract";
    }

    @Override
    public String description() {
        return "recurring charges billed above what the contract allows (in term, or after it by the post-term rule)";
    }

    /** One line billed above what its contract allows. */
    private record Over(ChargeLine line, ContractedPrice price, BigDecimal unitPrice, Money overbilled) {
    }

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        return AnomalyDetector.collect(this, book);
    }

    @Override
    public void detect(BookOfBusiness book, Consumer<Finding> sink) {
        Map<String, List<Contract>> byCarrier = book.contracts(null).stream()
                .collect(Collectors.groupingBy(Contract::carrier, LinkedHashMap::new, Collectors.toList()));
        Map<String, ContractPrices> priced = new LinkedHashMap<>();
        byCarrier.forEach((carrier, contracts) -> priced.put(carrier, new ContractPrices(contracts)));
        priced.values().removeIf(ContractPrices::isEmpty);
        // the store's prices name the services billed above some rate (one pass for both contract detectors); only their lines are read
        RecurringPriceCandidates.Found found = candidates.of(book, priced.keySet());
        for (Map.Entry<String, ContractPrices> carrier : priced.entrySet()) {
            ContractPrices contracts = carrier.getValue();
            LineQuery recurring = new LineQuery(carrier.getKey(), null, null, null, ChargeCategory.RECURRING);
            Set<String> candidates = found.get(carrier.getKey()).aboveContract();
            // the lines come a service at a time: a service's charges over are judged when the next service begins
            Map<String, List<Over>> over = new LinkedHashMap<>();
            String[] service = {null};
            book.lines(recurring, candidates, line -> {
                if (!line.serviceId().equals(service[0])) {
                    over.values().forEach(lines -> sink.accept(finding(lines)));
                    over.clear();
                    service[0] = line.serviceId();
                }
                contracts.of(line).filter(ContractedPrice::judged).ifPresent(price -> {
                    BigDecimal unitPrice = line.pricePerUnit().amount();
                    BigDecimal excess = unitPrice.subtract(price.allowed().amount());
                    if (excess.signum() > 0) {
                        over.computeIfAbsent(line.chargeCode(), k -> new ArrayList<>()).add(new Over(line, price, unitPrice,
                                new Money(excess.multiply(ContractPrices.quantity(line)), line.amount().currency())));
                    }
                });
            });
            over.values().forEach(lines -> sink.accept(finding(lines)));
        }
    }

    private Finding finding(List<Over> lines) {
        Over latest = lines.get(lines.size() - 1);
        ChargeLine line = latest.line();
        ContractedPrice price = latest.price();
        Money monthly = latest.overbilled();
        Money owed = lines.stream().map(Over::overbilled).reduce(Money::plus).orElseThrow();
        Money annual = monthly.times(BigDecimal.valueOf(12));
        String allowed = price.inTerm() ? "contract " + price.contract().contractId() + " sets " + price.allowed().rounded()
                + " until " + price.termEnd()
                : "the service's term under contract " + price.contract().contractId() + " ended on " + price.termEnd() + " and "
                        + price.contract().postTerm() + " from " + price.rate().rate().rounded() + ": it allows " + price.allowed().rounded();
        return new Finding(id(), "rate-above-contract", annual.amount().compareTo(BigDecimal.valueOf(5000)) >= 0 ? Severity.HIGH
                : Severity.MEDIUM, line.carrier(), line.serviceId(), lines.stream().map(Over::line).toList(), monthly, annual,
                line.carrier() + " bills " + (line.chargeCode() == null ? "" : line.chargeCode() + " on ") + line.serviceId() + " at "
                        + new Money(latest.unitPrice(), line.amount().currency()).rounded() + " a unit; " + allowed + ". Over "
                        + lines.size() + " charge" + (lines.size() == 1 ? "" : "s") + " that is " + owed.rounded()
                        + " to credit back, and " + monthly.rounded() + " a month from now on.",
                RecommendedAction.DISPUTE_FOR_CREDIT, owed);
    }
}
