package org.bridgeline.detect.billing.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.detect.ServiceMonth;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
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
    private record Idle(ServiceMonth who, YearMonth from, YearMonth to, Money monthly) {
    }

    private void judge(List<ServiceMonth> rows, Set<String> usageKinds, List<Idle> idle) {
        ServiceMonth who = rows.get(0);
        if (!usageKinds.contains(who.carrier() + '\u0000' + who.serviceId())) {
            return;
        }
        TreeMap<YearMonth, Money> recurring = new TreeMap<>();
        Set<YearMonth> used = new HashSet<>();
        for (ServiceMonth month : rows) {
            if (month.category() == ChargeCategory.RECURRING) {
                recurring.merge(month.month(), month.total(), Money::plus);
            } else if (month.category() == ChargeCategory.USAGE && month.lines() > 0) {
                used.add(month.month());
            }
        }
        if (recurring.isEmpty()) {
            return;
        }
        YearMonth latest = recurring.lastKey();
        YearMonth from = latest.minusMonths(months - 1L);
        for (YearMonth month = from; !month.isAfter(latest); month = month.plusMonths(1)) {
            if (!recurring.containsKey(month) || used.contains(month)) {
                return;
            }
        }
        idle.add(new Idle(who, from, latest, recurring.get(latest)));
    }

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        // which services are of a usage kind: from their lines' service type
        Set<String> usageKinds = new HashSet<>();
        book.lines(LineQuery.ALL.withCategory(ChargeCategory.RECURRING), line -> {
            if (types.contains(line.serviceType())) {
                usageKinds.add(line.carrier() + '\u0000' + line.serviceId());
            }
        });
        // the months arrive service by service: judge each when its rows end, against its own latest
        // month; at the end keep the services whose latest month is their carrier's latest
        Map<String, YearMonth> latestOfCarrier = new HashMap<>();
        List<Idle> idle = new ArrayList<>();
        ByService byService = new ByService(rows -> judge(rows, usageKinds, idle));
        book.serviceMonths(LineQuery.ALL, month -> {
            latestOfCarrier.merge(month.carrier(), month.month(), (a, b) -> a.isAfter(b) ? a : b);
            byService.accept(month);
        });
        byService.finish();
        List<Finding> findings = new ArrayList<>();
        for (Idle service : idle) {
            ServiceMonth identity = service.who();
            YearMonth latest = service.to();
            if (!latest.equals(latestOfCarrier.get(identity.carrier()))) {
                continue;
            }
            // the evidence: the recurring charges paid in the idle window
            List<ChargeLine> evidence = new ArrayList<>();
            Period window = Period.of(service.from().atDay(1), latest.atEndOfMonth());
            book.lines(new LineQuery(identity.carrier(), identity.account(), identity.serviceId(), window, ChargeCategory.RECURRING),
                    evidence::add);
            Money monthly = service.monthly();
            findings.add(new Finding(id(), "zero-usage", Severity.MEDIUM, identity.carrier(), identity.serviceId(), evidence, monthly,
                    Impacts.annual(monthly), identity.serviceId() + " at " + identity.carrier() + " was billed " + monthly.rounded()
                            + " a month and showed no usage in " + service.from() + " to " + latest
                            + ". If nobody uses it, disconnect it.",
                    RecommendedAction.DISCONNECT));
        }
        return findings;
    }
}
