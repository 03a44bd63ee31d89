package org.bridgeline.detect.inventory.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.Severity;
import org.osgi.service.component.annotations.Component;

/**
 * Detector 10: the bills and the enterprise's own inventory disagree. A service billed in a
 * carrier's latest month that the inventory does not know is money paid for something nobody
 * accounts for; an active service in the inventory that the carrier no longer bills is a record
 * to correct. Runs only once an expected inventory was imported.
 */
@Component
public final class InventoryMismatchDetector implements AnomalyDetector {

    /** What a service cost in its carrier's latest month. */
    private record Billed(String carrier, String serviceId, YearMonth month, Money total) {
    }

    @Override
    public String id() {
        return "inventory-mismatch";
    }

    @Override
    public String description() {
        return "services billed but not in the expected inventory, and expected but not billed";
    }

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        List<ExpectedService> expected = book.expectedInventory();
        if (expected.isEmpty()) {
            return List.of();
        }
        // per carrier: its latest month, and the recurring cost of each service in it; each service's
        // history of the carrier's last two billing months streams in, a later month replacing what
        // was kept for an earlier one
        Map<String, YearMonth> latest = new TreeMap<>();
        Map<String, Map<String, Billed>> billedNowByCarrier = new LinkedHashMap<>();
        Currency[] currency = {null};
        for (String carrier : book.carriers()) {
            book.serviceHistories(book.latestMonths(carrier, 2).withCategory(ChargeCategory.RECURRING), history -> {
                currency[0] = currency[0] == null ? history.currency() : currency[0];
                YearMonth month = history.months(ChargeCategory.RECURRING).lastKey();
                YearMonth known = latest.get(history.carrier());
                if (known != null && month.isBefore(known)) {
                    return;
                }
                Map<String, Billed> services = billedNowByCarrier.computeIfAbsent(history.carrier(), k -> new LinkedHashMap<>());
                if (known == null || month.isAfter(known)) {
                    latest.put(history.carrier(), month);
                    services.clear();
                }
                services.merge(history.serviceId(), new Billed(history.carrier(), history.serviceId(), month,
                        history.months(ChargeCategory.RECURRING).get(month)), (a, b) -> new Billed(a.carrier(), a.serviceId(), a.month(),
                        a.total().plus(b.total())));
            });
        }
        Map<String, Billed> billedNow = new LinkedHashMap<>();
        billedNowByCarrier.forEach((carrier, services) -> services.forEach((service, billed) ->
                billedNow.put(carrier + '\u0000' + service, billed)));
        Set<String> known = expected.stream().map(service -> service.carrier() + '\u0000' + service.serviceId()).collect(Collectors.toSet());
        List<Finding> findings = new ArrayList<>();
        for (Billed billed : billedNow.values()) {
            if (known.contains(billed.carrier() + '\u0000' + billed.serviceId()) || billed.total().amount().signum() <= 0) {
                continue;
            }
            Money annual = billed.total().times(BigDecimal.valueOf(12));
            findings.add(new Finding(id(), "billed-not-in-inventory", annual.amount().compareTo(BigDecimal.valueOf(5000)) >= 0
                    ? Severity.HIGH : Severity.MEDIUM, billed.carrier(), billed.serviceId(), List.of(), billed.total(), annual,
                    billed.carrier() + " bills " + billed.serviceId() + " " + billed.total().rounded() + " a month (" + billed.month()
                            + "), but the expected inventory has no such service. Find its owner; if nobody uses it, disconnect it.",
                    RecommendedAction.DISCONNECT));
        }
        Set<String> billedCarriers = latest.keySet();
        for (ExpectedService service : expected) {
            String key = service.carrier() + '\u0000' + service.serviceId();
            // only carriers whose bills were imported can say a service is not billed
            if (!"ACTIVE".equals(service.status()) || !billedCarriers.contains(service.carrier()) || billedNow.containsKey(key)) {
                continue;
            }
            Money none = Money.zero(currency[0]);
            findings.add(new Finding(id(), "expected-not-billed", Severity.INFO, service.carrier(), service.serviceId(), List.of(), none,
                    none, service.serviceId() + " (" + service.serviceType() + (service.site() == null ? "" : " at " + service.site())
                            + ") is active in the expected inventory, but " + service.carrier() + " did not bill it in "
                            + latest.get(service.carrier()) + ". Correct the inventory, or ask the carrier where it went.",
                    RecommendedAction.CORRECT_INVENTORY));
        }
        return findings;
    }
}
