package org.bridgeline.detect.inventory.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
 * Detector 9: a recurring charge code on a service that the carrier's contracts do not list: a
 * feature nobody ordered. Judged only for carriers whose contracts name their charge codes.
 */
@Component
public final class UnrequestedFeatureDetector implements AnomalyDetector {

    @Override
    public String id() {
        return "unrequested-features";
    }

    @Override
    public String description() {
        return "recurring charge codes the contract does not include";
    }

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        for (Contract contract : book.contracts(null)) {
            allowed.computeIfAbsent(contract.carrier(), k -> new java.util.HashSet<>()).addAll(contract.rates().stream()
                    .map(ContractRate::chargeCode).filter(Objects::nonNull).collect(Collectors.toSet()));
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, Set<String>> carrier : allowed.entrySet()) {
            if (carrier.getValue().isEmpty()) {
                continue;
            }
            Set<String> allowedCodes = carrier.getValue();
            Set<String> candidates = new TreeSet<>();
            book.billedPrices(new LineQuery(carrier.getKey(), null, null, null, ChargeCategory.RECURRING), price -> {
                if (price.chargeCode() != null && !allowedCodes.contains(price.chargeCode())) {
                    candidates.add(price.serviceId());
                }
            });
            Map<String, List<ChargeLine>> unrequested = new LinkedHashMap<>();
            book.lines(new LineQuery(carrier.getKey(), null, null, null, ChargeCategory.RECURRING), candidates, line -> {
                if (line.chargeCode() != null && !allowedCodes.contains(line.chargeCode())) {
                    unrequested.computeIfAbsent(line.serviceId() + '\u0000' + line.chargeCode(), k -> new ArrayList<>()).add(line);
                }
            });
            for (List<ChargeLine> lines : unrequested.values()) {
                ChargeLine latest = lines.stream().max(java.util.Comparator.comparing(ChargeLine::chargedOn)).orElseThrow();
                Money monthly = latest.amount();
                if (monthly.amount().signum() <= 0) {
                    continue;
                }
                Money billed = lines.stream().map(ChargeLine::amount).reduce(Money::plus).orElseThrow();
                findings.add(new Finding(id(), "unrequested-feature", Severity.MEDIUM, latest.carrier(), latest.serviceId(), lines, monthly,
                        monthly.times(BigDecimal.valueOf(12)), latest.carrier() + " bills " + latest.chargeCode() + " ("
                                + (latest.description() == null ? "no description" : latest.description()) + ") on " + latest.serviceId()
                                + ", " + monthly.rounded() + " a month and " + billed.rounded() + " so far; the contract does not list "
                                + latest.chargeCode() + ". Remove the feature, and dispute what was billed if it was never ordered.",
                        RecommendedAction.DISCONNECT));
            }
        }
        return findings;
    }

}
