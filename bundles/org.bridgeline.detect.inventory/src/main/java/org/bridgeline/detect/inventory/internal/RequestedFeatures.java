package org.bridgeline.detect.inventory.internal;

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
import java.util.stream.Collectors;
import org.bridgeline.api.detect.BilledPrice;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ContractRate;
import org.bridgeline.api.model.ContractService;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.ServiceOrder;

/** What one carrier's records (inventory, orders, contracts) say each of its services should carry: which codes are requested. */
final class RequestedFeatures {

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
        // loops, not streams: this runs once per billed price of every service
        for (ServiceOrder order : featureOrders.getOrDefault(price.serviceId(), List.of())) {
            if (code.equals(order.feature())) {
                return false;
            }
        }
        for (ContractService entry : schedule) {
            if (rates(entry, code)) {
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

    private static boolean rates(ContractService entry, String code) {
        for (var rate : entry.rates()) {
            if (code.equals(rate.chargeCode())) {
                return true;
            }
        }
        return false;
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

    /** Each carrier's requested features, from the book's contracts, expected inventory and feature orders. */
    static Map<String, RequestedFeatures> byCarrier(BookOfBusiness book) {
        Map<String, RequestedFeatures> carriers = new LinkedHashMap<>();
        for (Contract contract : book.contracts(null)) {
            RequestedFeatures requested = carriers.computeIfAbsent(contract.carrier(), k -> new RequestedFeatures());
            requested.contractCodes.addAll(contract.rates().stream().map(ContractRate::chargeCode).filter(Objects::nonNull)
                    .collect(Collectors.toSet()));
            requested.schedule.addAll(contract.services());
        }
        for (ExpectedService service : book.expectedInventory()) {
            carriers.computeIfAbsent(service.carrier(), k -> new RequestedFeatures()).inventory.put(service.serviceId(), service);
        }
        for (ServiceOrder order : book.orders(null)) {
            if (order.kind() == ServiceOrder.Kind.ADD_FEATURE || order.kind() == ServiceOrder.Kind.REMOVE_FEATURE) {
                carriers.computeIfAbsent(order.carrier(), k -> new RequestedFeatures()).featureOrders
                        .computeIfAbsent(order.serviceId(), k -> new ArrayList<>()).add(order);
            }
        }
        return carriers;
    }

    /** Whether the billed price may be an unrequested code, so its service is read line by line. */
    boolean mayBeUnrequested(BilledPrice price) {
        return price.chargeCode() != null && price.serviceId() != null && judges(price.serviceId()) && !requestedWhatever(price);
    }
}
