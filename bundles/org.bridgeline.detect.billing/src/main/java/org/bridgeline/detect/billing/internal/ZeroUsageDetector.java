package org.bridgeline.detect.billing.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.Evidence;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.detect.ServiceHistory;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.api.model.Severity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Detector 4: a service of a kind that is used by the minute, message or byte (voice lines,
 * wireless, trunks) paying its recurring charge with no usage at all for the last N months of
 * its carrier's bills: a line nobody uses.
 */
@Component(configurationPid = "org.bridgeline.detect.zerousage")
public final class ZeroUsageDetector implements AnomalyDetector {

    /** Configuration {@code org.bridgeline.detect.zerousage}. */
    public @interface Config {
        /** Months without usage before a service is reported. */
        int months() default 3;

        /** The service types that are expected to show usage. */
        String[] serviceTypes() default {"VOICE_LINE", "WIRELESS", "PRI", "SIP", "TOLL_FREE", "LONG_DISTANCE"};
    }

    private final int months;
    private final Set<ServiceType> types;

    @Activate
    public ZeroUsageDetector(Config config) {
        this.months = Math.max(1, config.months());
        this.types = Arrays.stream(config.serviceTypes()).map(String::strip).map(ServiceType::valueOf).collect(Collectors.toSet());
    }

    @Override
    public String id() {
        return "zero-usage";
    }

    @Override
    public String description() {
        return "services with recurring charges and no usage for " + months + " months";
    }

    /** A service paid for with no usage from {@code from} to {@code to}, its own latest month. */
    private record Idle(ServiceHistory who, YearMonth from, YearMonth to, Money monthly) {
    }

    private void judge(ServiceHistory history, List<Idle> idle) {
        SortedMap<YearMonth, Money> recurring = history.months(ChargeCategory.RECURRING);
        if (!types.contains(history.serviceType()) || recurring.isEmpty()) {
            return;
        }
        Set<YearMonth> used = history.months(ChargeCategory.USAGE).keySet();
        YearMonth latest = recurring.lastKey();
        YearMonth from = latest.minusMonths(months - 1L);
        for (YearMonth month = from; !month.isAfter(latest); month = month.plusMonths(1)) {
            if (!recurring.containsKey(month) || used.contains(month)) {
                return;
            }
        }
        idle.add(new Idle(history, from, latest, recurring.get(latest)));
    }

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        return AnomalyDetector.collect(this, book);
    }

    @Override
    public void detect(BookOfBusiness book, Consumer<Finding> sink) {
        // each service's history over its carrier's latest few months, judged against its own
        // latest month; at the end keep the services whose latest month is their carrier's latest
        Map<String, YearMonth> latestOfCarrier = new HashMap<>();
        Map<String, LineQuery> judged = new HashMap<>();
        List<Idle> idle = new ArrayList<>();
        for (String carrier : book.carriers()) {
            LineQuery window = book.latestMonths(carrier, months + 1);
            judged.put(carrier, window);
            book.serviceHistories(window, history -> {
                latestOfCarrier.merge(history.carrier(), history.latestMonth(), (a, b) -> a.isAfter(b) ? a : b);
                judge(history, idle);
            });
        }
        idle.removeIf(service -> !service.to().equals(latestOfCarrier.get(service.who().carrier())));
        // the evidence: the recurring charges paid in the idle window, read from the invoices the history was judged on,
        // not from the carrier's whole past, which holds most of a large book's lines
        Evidence.read(book, idle, service -> new Evidence.Service(service.who().carrier(), service.who().account(), service.who().serviceId()),
                carrier -> judged.get(carrier).withCategory(ChargeCategory.RECURRING), (service, paid) -> {
                    ServiceHistory identity = service.who();
                    YearMonth latest = service.to();
                    List<ChargeLine> evidence = paid.stream().filter(line -> {
                        YearMonth charged = YearMonth.from(line.chargedOn());
                        return !charged.isBefore(service.from()) && !charged.isAfter(latest);
                    }).toList();
                    Money monthly = service.monthly();
                    sink.accept(new Finding(id(), "zero-usage", Severity.MEDIUM, identity.carrier(), identity.serviceId(), evidence, monthly,
                            Impacts.annual(monthly), identity.serviceId() + " at " + identity.carrier() + " was billed " + monthly.rounded()
                                    + " a month and showed no usage in " + service.from() + " to " + latest
                                    + ". If nobody uses it, disconnect it.",
                            RecommendedAction.DISCONNECT));
                });
    }
}
