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
import org.bridgeline.api.detect.BilledPrice;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ContractRate;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.api.model.Severity;
import org.osgi.service.component.annotations.Component;

/**
 * Detector 1: a recurring charge billed at a unit price above the contracted rate for its
 * service type, charge code and bandwidth, while the contract is in term. A price equal to the
 * contract is correct. The overbilling is (billed unit price − rate) × quantity, per line.
 */
@Component
public final class RateAboveContractDetector implements AnomalyDetector {

    @Override
    public String id() {
        return "rate-above-contract";
    }

    @Override
    public String description() {
        return "recurring charges billed above the contracted rate";
    }

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        List<Finding> findings = new ArrayList<>();
        for (Contract contract : book.contracts(null)) {
            List<ContractRate> rates = contract.rates().stream().filter(rate -> rate.category() == ChargeCategory.RECURRING).toList();
            if (rates.isEmpty()) {
                continue;
            }
            // the store's prices name the services billed above a rate in term; only their lines are read
            Set<String> candidates = new TreeSet<>();
            book.billedPrices(new LineQuery(contract.carrier(), null, null, null, ChargeCategory.RECURRING), price -> {
                if (!price.lastCharged().isBefore(contract.term().start()) && !price.firstCharged().isAfter(contract.term().end())
                        && above(rates, price)) {
                    candidates.add(price.serviceId());
                }
            });
            // per service and code: the lines billed above their rate
            Map<String, List<Object[]>> over = new LinkedHashMap<>();
            book.lines(new LineQuery(contract.carrier(), null, null, null, ChargeCategory.RECURRING), candidates, line -> {
                LocalDate charged = line.chargedOn();
                if (!contract.term().contains(charged)) {
                    return; // out of term is another detector's question
                }
                ContractRate rate = rates.stream().filter(r -> matches(r, line)).findFirst().orElse(null);
                if (rate == null || !rate.rate().currency().equals(line.amount().currency())) {
                    return;
                }
                BigDecimal quantity = line.quantity() == null || line.quantity().signum() == 0 ? BigDecimal.ONE : line.quantity();
                BigDecimal unitPrice = line.pricePerUnit().amount();
                if (unitPrice.compareTo(rate.rate().amount()) > 0) {
                    Money overbilled = new Money(unitPrice.subtract(rate.rate().amount()).multiply(quantity), line.amount().currency());
                    over.computeIfAbsent(line.serviceId() + '\u0000' + line.chargeCode(), k -> new ArrayList<>())
                            .add(new Object[] {line, overbilled, rate, unitPrice});
                }
            });
            for (List<Object[]> lines : over.values()) {
                ChargeLine latest = (ChargeLine) lines.get(lines.size() - 1)[0];
                Money monthly = (Money) lines.get(lines.size() - 1)[1];
                Money owed = lines.stream().map(entry -> (Money) entry[1]).reduce(Money::plus).orElseThrow();
                ContractRate rate = (ContractRate) lines.get(0)[2];
                BigDecimal billed = (BigDecimal) lines.get(lines.size() - 1)[3];
                Money annual = monthly.times(BigDecimal.valueOf(12));
                findings.add(new Finding(id(), "rate-above-contract", annual.amount().compareTo(BigDecimal.valueOf(5000)) >= 0
                        ? Severity.HIGH : Severity.MEDIUM, contract.carrier(), latest.serviceId(),
                        lines.stream().map(entry -> (ChargeLine) entry[0]).toList(), monthly, annual,
                        contract.carrier() + " bills " + (latest.chargeCode() == null ? "" : latest.chargeCode() + " on ")
                                + latest.serviceId() + " at " + new Money(billed, rate.rate().currency()).rounded() + " a unit; contract "
                                + contract.contractId() + " sets " + rate.rate().rounded() + ". Over " + lines.size() + " charge"
                                + (lines.size() == 1 ? "" : "s") + " that is " + owed.rounded() + " to credit back, and "
                                + monthly.rounded() + " a month from now on.",
                        RecommendedAction.DISPUTE_FOR_CREDIT, owed));
            }
        }
        return findings;
    }

    /** Whether the first rate that matches the price is below it (in the same currency). */
    static boolean above(List<ContractRate> rates, BilledPrice price) {
        ContractRate rate = rates.stream().filter(r -> matches(r, price.serviceType(), price.chargeCode(), price.bandwidthMbps()))
                .findFirst().orElse(null);
        return rate != null && rate.rate().currency().equals(price.pricePerUnit().currency())
                && price.pricePerUnit().amount().compareTo(rate.rate().amount()) > 0;
    }

    static boolean matches(ContractRate rate, ChargeLine line) {
        return matches(rate, line.serviceType(), line.chargeCode(), line.bandwidthMbps());
    }

    /** Every selector the rate sets must equal the line's. */
    static boolean matches(ContractRate rate, ServiceType type, String chargeCode, BigDecimal bandwidthMbps) {
        return (rate.serviceType() == null || rate.serviceType() == type)
                && (rate.chargeCode() == null || rate.chargeCode().equals(chargeCode))
                && (rate.bandwidthMbps() == null || bandwidthMbps != null && rate.bandwidthMbps().compareTo(bandwidthMbps) == 0);
    }
}
