package org.bridgeline.detect.inventory.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ContractRate;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.Severity;
import org.osgi.service.component.annotations.Component;

/**
 * Detector 7: after a contract's term ends (or it rolls into auto-renewal), the carrier bills
 * the service above the contracted rate: the price stepped up to month-to-month list price.
 * The step is what renegotiating (or renewing) saves.
 */
@Component
public final class OutOfTermPricingDetector implements AnomalyDetector {

    @Override
    public String id() {
        return "out-of-term-pricing";
    }

    @Override
    public String description() {
        return "the price steps up after a contract's term ends";
    }

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        List<Finding> findings = new ArrayList<>();
        for (Contract contract : book.contracts(null)) {
            List<ContractRate> rates = contract.rates().stream().filter(rate -> rate.category() == ChargeCategory.RECURRING).toList();
            // the store's prices name the services billed above a rate after the term; only their lines are read
            Set<String> candidates = new TreeSet<>();
            book.billedPrices(new LineQuery(contract.carrier(), null, null, null, ChargeCategory.RECURRING), price -> {
                if (price.lastCharged().isAfter(contract.term().end()) && RateAboveContractDetector.above(rates, price)) {
                    candidates.add(price.serviceId());
                }
            });
            Map<String, ChargeLine> latestAfterTerm = new LinkedHashMap<>();
            Map<String, ContractRate> rateOf = new LinkedHashMap<>();
            book.lines(new LineQuery(contract.carrier(), null, null, null, ChargeCategory.RECURRING), candidates, line -> {
                LocalDate charged = line.chargedOn();
                if (!charged.isAfter(contract.term().end())) {
                    return;
                }
                ContractRate rate = rates.stream().filter(r -> RateAboveContractDetector.matches(r, line)).findFirst().orElse(null);
                if (rate == null || line.pricePerUnit().amount().compareTo(rate.rate().amount()) <= 0) {
                    return;
                }
                String key = line.serviceId() + '\u0000' + line.chargeCode();
                latestAfterTerm.merge(key, line, (a, b) -> b.chargedOn().isAfter(a.chargedOn()) ? b : a);
                rateOf.put(key, rate);
            });
            for (Map.Entry<String, ChargeLine> entry : latestAfterTerm.entrySet()) {
                ChargeLine line = entry.getValue();
                ContractRate rate = rateOf.get(entry.getKey());
                BigDecimal quantity = line.quantity() == null || line.quantity().signum() == 0 ? BigDecimal.ONE : line.quantity();
                Money step = new Money(line.pricePerUnit().amount().subtract(rate.rate().amount()).multiply(quantity), line.amount().currency());
                Money annual = step.times(BigDecimal.valueOf(12));
                findings.add(new Finding(id(), "out-of-term-pricing", annual.amount().compareTo(BigDecimal.valueOf(5000)) >= 0
                        ? Severity.HIGH : Severity.MEDIUM, contract.carrier(), line.serviceId(), List.of(line), step, annual,
                        "Contract " + contract.contractId() + " ended on " + contract.term().end()
                                + (contract.autoRenewal() ? " (it renews itself)" : "") + "; since then " + contract.carrier() + " bills "
                                + (line.chargeCode() == null ? "" : line.chargeCode() + " on ") + line.serviceId() + " at "
                                + new Money(line.pricePerUnit().amount(), rate.rate().currency()).rounded() + " against the contracted "
                                + rate.rate().rounded() + ": " + step.rounded() + " a month more. Renegotiate or renew the term.",
                        RecommendedAction.RENEGOTIATE));
            }
        }
        return findings;
    }
}
