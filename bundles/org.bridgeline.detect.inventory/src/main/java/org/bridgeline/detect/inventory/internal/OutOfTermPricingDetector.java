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
 * Detector 7: after a service's own term ends (its schedule entry's, else the agreement's), the
 * carrier bills it above the term's rate: an uplift the agreement allows, a list price, or month to
 * month. The step, up to what the agreement allows, is what renegotiating or renewing the service
 * saves; a price above what it allows is the rate-above-contract detector's credit, not this one's.
 */
@Component
public final class OutOfTermPricingDetector implements AnomalyDetector {

    private final RecurringPriceCandidates candidates;

    @Activate
    public OutOfTermPricingDetector(@Reference RecurringPriceCandidates candidates) {
        this.candidates = candidates;
    }

    @Override
    public String id() {
        return "out-of-term-pricing";
    }

    @Override
    public String description() {
        return "the price steps up after a service's own term ends";
    }

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        return AnomalyDetector.collect(this, book);
    }

    @Override
    public void detect(BookOfBusiness book, Consumer<Finding> sink) {
        Map<String, List<Contract>> byCarrier = book.contracts(null).stream()
                .collect(Collectors.groupingBy(Contract::carrier, LinkedHashMap::new, Collectors.toList()));
        RecurringPriceCandidates.Found found = candidates.of(book, byCarrier.keySet());
        for (Map.Entry<String, List<Contract>> carrier : byCarrier.entrySet()) {
            ContractPrices contracts = new ContractPrices(carrier.getValue());
            LineQuery recurring = new LineQuery(carrier.getKey(), null, null, null, ChargeCategory.RECURRING);
            Set<String> candidates = found.get(carrier.getKey()).aboveContract();
            // the lines come a service at a time: a service's latest charges after its term are judged when the next begins
            Map<String, ChargeLine> latestAfterTerm = new LinkedHashMap<>();
            Map<String, ContractedPrice> priceOf = new LinkedHashMap<>();
            String[] service = {null};
            Runnable judgeService = () -> {
                latestAfterTerm.forEach((code, line) -> sink.accept(finding(line, priceOf.get(code))));
                latestAfterTerm.clear();
                priceOf.clear();
            };
            book.lines(recurring, candidates, line -> {
                if (!line.serviceId().equals(service[0])) {
                    judgeService.run();
                    service[0] = line.serviceId();
                }
                contracts.of(line).filter(price -> !price.inTerm()).ifPresent(price -> {
                    if (step(line, price).signum() > 0) {
                        ChargeLine known = latestAfterTerm.get(line.chargeCode());
                        if (known == null || !line.chargedOn().isBefore(known.chargedOn())) {
                            latestAfterTerm.put(line.chargeCode(), line);
                            priceOf.put(line.chargeCode(), price);
                        }
                    }
                });
            });
            judgeService.run();
        }
    }

    /** The step above the term's rate a unit carries, up to what the agreement allows after the term. */
    private static BigDecimal step(ChargeLine line, ContractedPrice price) {
        BigDecimal billed = line.pricePerUnit().amount();
        BigDecimal upTo = price.judged() ? billed.min(price.allowed().amount()) : billed;
        return upTo.subtract(price.rate().rate().amount());
    }

    private Finding finding(ChargeLine line, ContractedPrice price) {
        Contract contract = price.contract();
        Money step = new Money(step(line, price).multiply(ContractPrices.quantity(line)), line.amount().currency());
        Money annual = step.times(BigDecimal.valueOf(12));
        return new Finding(id(), "out-of-term-pricing", annual.amount().compareTo(BigDecimal.valueOf(5000)) >= 0 ? Severity.HIGH
                : Severity.MEDIUM, line.carrier(), line.serviceId(), List.of(line), step, annual,
                "The term of " + line.serviceId() + " under contract " + contract.contractId() + " ended on " + price.termEnd()
                        + (contract.autoRenewal() ? " (the agreement renews itself)" : "") + ", and " + contract.postTerm() + "; since then "
                        + line.carrier() + " bills " + (line.chargeCode() == null ? "" : line.chargeCode() + " on ") + line.serviceId()
                        + " at " + new Money(line.pricePerUnit().amount(), line.amount().currency()).rounded() + " against the term's "
                        + price.rate().rate().rounded() + ": " + step.rounded() + " a month more. Renegotiate or renew the service's term.",
                RecommendedAction.RENEGOTIATE);
    }
}
