package org.bridgeline.detect.billing.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.Evidence;
import org.bridgeline.api.detect.IdleService;
import org.bridgeline.api.detect.LineQuery;
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

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        return AnomalyDetector.collect(this, book);
    }

    @Override
    public void detect(BookOfBusiness book, Consumer<Finding> sink) {
        // each carrier's latest few months, judged in the store: the services whose recurring charges ran without usage up
        // to their carrier's latest month
        Map<String, LineQuery> judged = new HashMap<>();
        List<IdleService> idle = new ArrayList<>();
        for (String carrier : book.carriers()) {
            LineQuery window = book.latestMonths(carrier, months + 1);
            judged.put(carrier, window);
            book.idleServices(window, months, types, idle::add);
        }
        // the evidence: the recurring charges paid in the idle window, read from the invoices the run was judged on,
        // not from the carrier's whole past, which holds most of a large book's lines
        Evidence.read(book, idle, service -> new Evidence.Service(service.carrier(), service.account(), service.serviceId()),
                carrier -> judged.get(carrier).withCategory(ChargeCategory.RECURRING), (service, paid) -> {
                    List<ChargeLine> evidence = paid.stream().filter(line -> {
                        YearMonth charged = YearMonth.from(line.chargedOn());
                        return !charged.isBefore(service.from()) && !charged.isAfter(service.to());
                    }).toList();
                    Money monthly = service.monthly();
                    sink.accept(new Finding(id(), "zero-usage", Severity.MEDIUM, service.carrier(), service.serviceId(), evidence, monthly,
                            Impacts.annual(monthly), service.serviceId() + " at " + service.carrier() + " was billed " + monthly.rounded()
                                    + " a month and showed no usage in " + service.from() + " to " + service.to()
                                    + ". If nobody uses it, disconnect it.",
                            RecommendedAction.DISCONNECT));
                });
    }
}
