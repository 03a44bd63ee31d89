package org.bridgeline.detect.billing.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        // which services are of a usage kind: from their lines' service type
        Set<String> usageKinds = new HashSet<>();
        book.lines(LineQuery.ALL.withCategory(ChargeCategory.RECURRING), line -> {
            if (types.contains(line.serviceType())) {
                usageKinds.add(line.carrier() + '\u0000' + line.serviceId());
            }
        });
        Map<String, YearMonth> latestOfCarrier = new TreeMap<>();
        Map<String, TreeMap<YearMonth, Money>> recurring = new LinkedHashMap<>();
        Map<String, Set<YearMonth>> used = new LinkedHashMap<>();
        Map<String, ServiceMonth> who = new LinkedHashMap<>();
        for (ServiceMonth month : book.serviceMonths(LineQuery.ALL)) {
            latestOfCarrier.merge(month.carrier(), month.month(), (a, b) -> a.isAfter(b) ? a : b);
            String key = month.carrier() + '\u0000' + month.serviceId();
            if (month.category() == ChargeCategory.RECURRING) {
                recurring.computeIfAbsent(key, k -> new TreeMap<>()).merge(month.month(), month.total(), Money::plus);
                who.putIfAbsent(key, month);
            } else if (month.category() == ChargeCategory.USAGE && month.lines() > 0) {
                used.computeIfAbsent(key, k -> new HashSet<>()).add(month.month());
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, TreeMap<YearMonth, Money>> service : recurring.entrySet()) {
            if (!usageKinds.contains(service.getKey())) {
                continue;
            }
            ServiceMonth identity = who.get(service.getKey());
            YearMonth latest = latestOfCarrier.get(identity.carrier());
            List<YearMonth> window = new ArrayList<>();
            for (int i = months - 1; i >= 0; i--) {
                window.add(latest.minusMonths(i));
            }
            boolean billedThroughout = window.stream().allMatch(service.getValue()::containsKey);
            boolean usedAtAll = window.stream().anyMatch(used.getOrDefault(service.getKey(), Set.of())::contains);
            if (!billedThroughout || usedAtAll) {
                continue;
            }
            Money monthly = service.getValue().get(latest);
            // the evidence: the recurring charges paid in the idle window
            List<ChargeLine> evidence = new ArrayList<>();
            Period idle = Period.of(window.get(0).atDay(1), latest.atEndOfMonth());
            book.lines(new LineQuery(identity.carrier(), null, identity.serviceId(), idle, ChargeCategory.RECURRING), evidence::add);
            findings.add(new Finding(id(), "zero-usage", Severity.MEDIUM, identity.carrier(), identity.serviceId(),
                    evidence, monthly, Impacts.annual(monthly),
                    identity.serviceId() + " at " + identity.carrier() + " was billed " + monthly.rounded() + " a month and showed no usage in "
                            + window.get(0) + " to " + latest + ". If nobody uses it, disconnect it.",
                    RecommendedAction.DISCONNECT));
        }
        return findings;
    }
}
