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
import org.osgi.service.component.annotations.Component;

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

    @Override
    public String id() {
        return "unrequested-features";
    }

    @Override
    public String description() {
        return "recurring charge codes on a service that neither its inventory record, an order nor its contract put there";
    }

    /** What one carrier's records say each of its services should carry. */
    private static final class Requested {
        final Map<String, ExpectedService> inventory = new HashMap<>();
        final Map<String, List<ServiceOrder>> featureOrders = new HashMap<>();
        final Set<String> contractCodes = new TreeSet<>();
        final List<ContractService> schedule = new ArrayList<>();

        /** Whether anything says which codes are requested, so a code can be judged at all. */
        boolean judges(String serviceId) {
            ExpectedService expected = inventory.get(serviceId);
            return expected != null && expected.statesFeatures() || !contractCodes.isEmpty();
        }

        /**
         * Whether the code is requested on every line of the service at this price, whatever the line's days and site: no
         * order touched it, and the schedule by id or type, the inventory or a contract puts it there.
         */
        boolean requestedWhatever(BilledPrice price) {
            String code = price.chargeCode();
            if (featureOrders.getOrDefault(price.serviceId(), List.of()).stream().anyMatch(order -> code.equals(order.feature()))) {
                return false;
            }
            for (ContractService entry : schedule) {
                if (entry.rates().stream().anyMatch(rate -> code.equals(rate.chargeCode()))) {
                    if (entry.names(price.serviceId()) || entry.site() == null && entry.describes(price.serviceType(), null)) {
                        return true;
                    }
                    if (entry.serviceId() == null && entry.site() != null) {
                        return false; // a schedule entry by site: the line's site decides
                    }
                }
            }
            ExpectedService expected = inventory.get(price.serviceId());
            if (expected != null && expected.statesFeatures()) {
                return expected.features().contains(code);
            }
            return contractCodes.contains(code);
        }

        /** Whether an order, the schedule, the inventory or (failing those) a contract put the line's code on its service. */
        boolean requested(ChargeLine line) {
            String code = line.chargeCode();
            LocalDate end = line.chargePeriod() != null ? line.chargePeriod().end() : line.chargedOn();
            ServiceOrder last = featureOrders.getOrDefault(line.serviceId(), List.of()).stream()
                    .filter(order -> code.equals(order.feature()) && !order.effective().isAfter(end))
                    .max(Comparator.comparing(ServiceOrder::effective)).orElse(null);
            if (last != null) {
                // an order decides from its day on; a removal counts once the whole charge comes after it
                return last.kind() == ServiceOrder.Kind.ADD_FEATURE || line.chargedOn().isBefore(last.effective());
            }
            ExpectedService expected = inventory.get(line.serviceId());
            if (schedule.stream().anyMatch(entry -> (entry.names(line.serviceId()) || entry.describes(line.serviceType(), line.site()))
                    && entry.rates().stream().anyMatch(rate -> code.equals(rate.chargeCode())))) {
                return true;
            }
            if (expected != null && expected.statesFeatures()) {
                return expected.features().contains(code);
            }
            return contractCodes.contains(code);
        }
    }

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        return AnomalyDetector.collect(this, book);
    }

    @Override
    public void detect(BookOfBusiness book, Consumer<Finding> sink) {
        Map<String, Requested> carriers = new LinkedHashMap<>();
        for (Contract contract : book.contracts(null)) {
            Requested requested = carriers.computeIfAbsent(contract.carrier(), k -> new Requested());
            requested.contractCodes.addAll(contract.rates().stream().map(ContractRate::chargeCode).filter(Objects::nonNull)
                    .collect(Collectors.toSet()));
            requested.schedule.addAll(contract.services());
        }
        for (ExpectedService service : book.expectedInventory()) {
            carriers.computeIfAbsent(service.carrier(), k -> new Requested()).inventory.put(service.serviceId(), service);
        }
        for (ServiceOrder order : book.orders(null)) {
            if (order.kind() == ServiceOrder.Kind.ADD_FEATURE || order.kind() == ServiceOrder.Kind.REMOVE_FEATURE) {
                carriers.computeIfAbsent(order.carrier(), k -> new Requested()).featureOrders
                        .computeIfAbsent(order.serviceId(), k -> new ArrayList<>()).add(order);
            }
        }
        for (Map.Entry<String, Requested> carrier : carriers.entrySet()) {
            Requested requested = carrier.getValue();
            LineQuery recurring = new LineQuery(carrier.getKey(), null, null, null, ChargeCategory.RECURRING);
            // a code is judged once per service from the billed prices; only the services where it may be unrequested, or
            // where an order or a schedule entry by site makes the answer depend on the line, are read line by line
            Set<String> candidates = new TreeSet<>();
            book.billedPrices(recurring, price -> {
                if (price.chargeCode() != null && price.serviceId() != null && !candidates.contains(price.serviceId())
                        && requested.judges(price.serviceId()) && !requested.requestedWhatever(price)) {
                    candidates.add(price.serviceId());
                }
            });
            // the lines come a service at a time: a service's unrequested codes are judged when the next service begins
            Map<String, List<ChargeLine>> unrequested = new LinkedHashMap<>();
            String[] service = {null};
            Runnable judgeService = () -> {
                unrequested.values().forEach(lines -> sink.accept(finding(lines, requested.inventory.get(lines.get(0).serviceId()))));
                unrequested.clear();
            };
            book.lines(recurring, candidates, line -> {
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
