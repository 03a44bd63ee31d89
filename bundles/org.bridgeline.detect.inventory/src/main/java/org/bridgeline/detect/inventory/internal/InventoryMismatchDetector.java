package org.bridgeline.detect.inventory.internal;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
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
        return AnomalyDetector.collect(this, book);
    }

    /** Carrier by carrier: what is held is one carrier's services billed in its latest month. */
    @Override
    public void detect(BookOfBusiness book, Consumer<Finding> sink) {
        List<ExpectedService> expected = book.expectedInventory();
        if (expected.isEmpty()) {
            return;
        }
        Map<String, List<ExpectedService>> expectedAt = expected.stream()
                .collect(Collectors.groupingBy(ExpectedService::carrier, LinkedHashMap::new, Collectors.toList()));
        for (String carrier : book.carriers()) {
            // the carrier's latest month, and the recurring cost of each service in it; each service's history of the
            // carrier's last two billing months streams in, a later month replacing what was kept for an earlier one
            YearMonth[] latest = {null};
            Map<String, Billed> billedNow = new LinkedHashMap<>();
            Currency[] currency = {null};
            book.serviceHistories(book.latestMonths(carrier, 2).withCategory(ChargeCategory.RECURRING), history -> {
                currency[0] = currency[0] == null ? history.currency() : currency[0];
                YearMonth month = history.months(ChargeCategory.RECURRING).lastKey();
                if (latest[0] != null && month.isBefore(latest[0])) {
                    return;
                }
                if (latest[0] == null || month.isAfter(latest[0])) {
                    latest[0] = month;
                    billedNow.clear();
                }
                billedNow.merge(history.serviceId(), new Billed(history.carrier(), history.serviceId(), month,
                        history.months(ChargeCategory.RECURRING).get(month)), (a, b) -> new Billed(a.carrier(), a.serviceId(), a.month(),
                        a.total().plus(b.total())));
            });
            if (latest[0] == null) {
                continue; // only carriers whose bills were imported can say a service is not billed
            }
            List<ExpectedService> expectedHere = expectedAt.getOrDefault(carrier, List.of());
            Set<String> known = expectedHere.stream().map(ExpectedService::serviceId).collect(Collectors.toSet());
            for (Billed billed : billedNow.values()) {
                if (known.contains(billed.serviceId()) || billed.total().amount().signum() <= 0) {
                    continue;
                }
                Money annual = billed.total().times(BigDecimal.valueOf(12));
                sink.accept(new Finding(id(), "billed-not-in-inventory", annual.amount().compareTo(BigDecimal.valueOf(5000)) >= 0
                        ? Severity.HIGH : Severity.MEDIUM, billed.carrier(), billed.serviceId(), List.of(), billed.total(), annual,
                        billed.carrier() + " bills " + billed.serviceId() + " " + billed.total().rounded() + " a month (" + billed.month()
                                + "), but the expected inventory has no such service. Find its owner; if nobody uses it, disconnect it.",
                        RecommendedAction.DISCONNECT));
            }
            for (ExpectedService service : expectedHere) {
                if (!"ACTIVE".equals(service.status()) || billedNow.containsKey(service.serviceId())) {
                    continue;
                }
                Money none = Money.zero(currency[0]);
                sink.accept(new Finding(id(), "expected-not-billed", Severity.INFO, service.carrier(), service.serviceId(), List.of(), none,
                        none, service.serviceId() + " (" + service.serviceType() + (service.site() == null ? "" : " at " + service.site())
                                + ") is active in the expected inventory, but " + service.carrier() + " did not bill it in "
                                + latest[0] + ". Correct the inventory, or ask the carrier where it went.",
                        RecommendedAction.CORRECT_INVENTORY));
            }
        }
    }
}
