package org.bridgeline.detect.inventory.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.ServiceOrder;
import org.bridgeline.api.model.Severity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Detector 3: recurring charges for a service after its disconnect order took effect (or, with no
 * order, the disconnect date of its expected inventory record). A charge
 * period wholly after the disconnect is owed back whole; one that straddles it, the share of its
 * days after the disconnect (prorated); one that ends on or before the disconnect date is
 * correct, however close.
 */
@Component(configurationPid = "org.bridgeline.detect.disconnect")
public final class BilledAfterDisconnectDetector implements AnomalyDetector {

    /** Stands for the order id of a disconnect the inventory records. */
    private static final String INVENTORY = "\u0000inventory";

    /** Configuration {@code org.bridgeline.detect.disconnect}. */
    public @interface Config {
        /** Days of grace after the disconnect date before a charge counts (carriers take a day or two). */
        int graceDays() default 0;

        /** Overbilling below this amount is not reported. */
        double minimumAmount() default 0.01;
    }

    private final Config config;

    @Activate
    public BilledAfterDisconnectDetector(Config config) {
        this.config = config;
    }

    @Override
    public String id() {
        return "billed-after-disconnect";
    }

    @Override
    public String description() {
        return "recurring charges for a service after its disconnect order (prorated)";
    }

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        Map<String, ServiceOrder> disconnects = new LinkedHashMap<>();
        for (ServiceOrder order : book.orders(null)) {
            if (order.kind() == ServiceOrder.Kind.DISCONNECT) {
                disconnects.merge(order.carrier() + '\u0000' + order.serviceId(), order,
                        (a, b) -> a.effective().isBefore(b.effective()) ? a : b);
            }
        }
        // where no order says so, the expected inventory's disconnect date does
        for (ExpectedService service : book.expectedInventory()) {
            if (service.disconnected() != null) {
                disconnects.putIfAbsent(service.carrier() + '\u0000' + service.serviceId(), new ServiceOrder(INVENTORY, service.carrier(),
                        service.serviceId(), ServiceOrder.Kind.DISCONNECT, service.disconnected(), null));
            }
        }
        // every disconnected service's recurring lines in one read per carrier
        Map<String, List<ChargeLine>> linesOf = new HashMap<>();
        disconnects.values().stream().collect(Collectors.groupingBy(ServiceOrder::carrier, TreeMap::new,
                Collectors.mapping(ServiceOrder::serviceId, Collectors.toCollection(TreeSet::new))))
                .forEach((carrier, services) -> book.lines(new LineQuery(carrier, null, null, null, ChargeCategory.RECURRING), services,
                        line -> linesOf.computeIfAbsent(line.carrier() + '\u0000' + line.serviceId(), k -> new ArrayList<>()).add(line)));
        List<Finding> findings = new ArrayList<>();
        for (ServiceOrder disconnect : disconnects.values()) {
            LocalDate last = disconnect.effective().plusDays(config.graceDays());
            List<ChargeLine> after = new ArrayList<>();
            Money[] owed = {null};
            Money[] latestMonth = {null};
            LocalDate[] latestStart = {null};
            linesOf.getOrDefault(disconnect.carrier() + '\u0000' + disconnect.serviceId(), List.of()).forEach(line -> {
                Period charged = line.chargePeriod() != null ? line.chargePeriod() : line.billingPeriod();
                if (charged == null || !charged.end().isAfter(last)) {
                    return; // ends on or before the disconnect: correct
                }
                Money share = charged.start().isAfter(last) ? line.amount() : prorated(line.amount(), charged, last);
                if (share.amount().compareTo(BigDecimal.valueOf(config.minimumAmount())) < 0) {
                    return;
                }
                after.add(line);
                owed[0] = owed[0] == null ? share : owed[0].plus(share);
                if (latestStart[0] == null || charged.start().isAfter(latestStart[0])) {
                    latestStart[0] = charged.start();
                    latestMonth[0] = share;
                }
            });
            if (after.isEmpty()) {
                continue;
            }
            Money monthly = latestMonth[0];
            Money annual = monthly.times(BigDecimal.valueOf(12));
            findings.add(new Finding(id(), "billed-after-disconnect", owed[0].amount().compareTo(BigDecimal.valueOf(1000)) >= 0
                    ? Severity.HIGH : Severity.MEDIUM, disconnect.carrier(), disconnect.serviceId(), after, monthly, annual,
                    disconnect.serviceId() + " was disconnected on " + disconnect.effective() + " ("
                            + (disconnect.orderId().equals(INVENTORY) ? "the expected inventory's disconnect date" : "order " + disconnect.orderId())
                            + "), yet " + disconnect.carrier() + " billed " + after.size() + " recurring charge"
                            + (after.size() == 1 ? "" : "s") + " for days after it: " + owed[0].rounded()
                            + " to credit back (prorated by day), and " + monthly.rounded()
                            + " a month until the billing stops. Dispute for a credit and confirm the disconnect.",
                    RecommendedAction.DISPUTE_FOR_CREDIT, owed[0]));
        }
        return findings;
    }

    /** The share of a charge for the days of its period after the last day of service. */
    static Money prorated(Money amount, Period period, LocalDate lastDay) {
        long days = period.days();
        long after = ChronoUnit.DAYS.between(lastDay, period.end());
        // exact product, one explicit rounding to the cent at the end
        return new Money(amount.amount().multiply(BigDecimal.valueOf(after)).divide(BigDecimal.valueOf(days), 2, RoundingMode.HALF_EVEN),
                amount.currency());
    }
}
