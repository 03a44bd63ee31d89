package org.bridgeline.detect.inventory.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BilledPrice;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ContractRate;
import org.bridgeline.api.model.ContractService;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.ServiceOrder;
import org.bridgeline.api.model.Severity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Detector 9: a recurring charge code on a service that nobody put there: a feature billed but never
 * requested. Judged per service: a code is requested when the expected inventory lists it for the
 * service, an order added it on or before the charge (and no later order removed it before), or
 * the service schedule prices it for that service. A rate card pricing a feature does not make it
 * requested on every line. For a service whose inventory record names no codes, the contract rule
 * is the fallback: a code none of the carrier's contracts lists.
 */
@Component
public final class UnrequestedFeatureDetector implements AnomalyDetector {

    private final RecurringPriceCandidates candidates;

    @Activate
    public UnrequestedFeatureDetector(@Reference RecurringPriceCandidates candidates) {
        this.candidates = candidates;
    }

    @Override
    public String id() {
        return "unrequested-features";
    }

    @Override
    public String description() {
        return "recurring charge codes on a service that neither its inventory record, an order nor its contract put there";
    }

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        return AnomalyDetector.collect(this, book);
    }

    @Override
    public void detect(BookOfBusiness book, Consumer<Finding> sink) {
        Map<String, RequestedFeatures> requestedByCarrier = candidates.requested(book);
        RecurringPriceCandidates.Found found = candidates.of(book, requestedByCarrier.keySet());
        for (Map.Entry<String, RequestedFeatures> carrier : requestedByCarrier.entrySet()) {
            RequestedFeatures requested = carrier.getValue();
            LineQuery recurring = new LineQuery(carrier.getKey(), null, null, null, ChargeCategory.RECURRING);
            // a code is judged once per service from the billed prices (one pass shared with the contract detectors); only the
            // services where it may be unrequested, or where an order or a schedule entry by site makes the answer depend on
            // the line, are read line by line
            Set<String> services = found.get(carrier.getKey()).unrequested();
            // the lines come a service at a time: a service's unrequested codes are judged when the next service begins
            Map<String, List<ChargeLine>> unrequested = new LinkedHashMap<>();
            String[] service = {null};
            Runnable judgeService = () -> {
                unrequested.values().forEach(lines -> sink.accept(finding(lines, requested.inventory.get(lines.get(0).serviceId()))));
                unrequested.clear();
            };
            book.lines(recurring, services, line -> {
                if (!line.serviceId().equals(service[0])) {
                    judgeService.run();
                    service[0] = line.serviceId();
                }
                if (line.chargeCode() != null && line.amount().amount().signum() > 0 && !requested.requested(line)) {
                    unrequested.computeIfAbsent(line.chargeCode(), k -> new ArrayList<>()).add(line);
                }
            });
            judgeService.run();
        }
    }

    private Finding finding(List<ChargeLine> lines, ExpectedService expected) {
        ChargeLine latest = lines.stream().max(Comparator.comparing(ChargeLine::chargedOn)).orElseThrow();
        Money monthly = latest.amount();
        Money billed = lines.stream().map(ChargeLine::amount).reduce(Money::plus).orElseThrow();
        String because = expected != null && expected.statesFeatures()
                ? "the inventory lists " + String.join(", ", expected.features()) + " for it and no order added " + latest.chargeCode()
                : "no contract lists " + latest.chargeCode() + " and no order added it";
        return new Finding(id(), "unrequested-feature", Severity.MEDIUM, latest.carrier(), latest.serviceId(), lines, monthly,
                monthly.times(BigDecimal.valueOf(12)), latest.carrier() + " bills " + latest.chargeCode() + " ("
                        + (latest.description() == null ? "no description" : latest.description()) + ") on " + latest.serviceId() + ", "
                        + monthly.rounded() + " a month and " + billed.rounded() + " over " + lines.size() + " charge"
                        + (lines.size() == 1 ? "" : "s") + "; " + because + ". Remove the feature, and dispute what was billed.",
                RecommendedAction.DISCONNECT);
    }
}
