package org.bridgeline.testkit;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bridgeline.api.benchmark.BenchmarkQuery;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.DuplicateGroup;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.detect.ServiceMonth;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.Requirement;
import org.bridgeline.api.model.ServiceOrder;

/**
 * A book of business in memory, for testing detectors on hand-made cases. Its aggregated views
 * are computed the simple way, with the same meaning the store gives them in SQL: a line's month
 * is its charge period's start, else its billing period's, else its invoice date's.
 */
public final class InMemoryBook implements BookOfBusiness {

    public final List<ChargeLine> lines = new ArrayList<>();
    public final List<Contract> contracts = new ArrayList<>();
    public final List<ExpectedService> expected = new ArrayList<>();
    public final List<ServiceOrder> orders = new ArrayList<>();
    public final List<Requirement> requirements = new ArrayList<>();

    public ChargeLine add(ChargeLine line) {
        lines.add(line);
        return line;
    }

    private static boolean matches(LineQuery query, ChargeLine line) {
        return (query.carrier() == null || query.carrier().equals(line.carrier()))
                && (query.account() == null || query.account().equals(line.account()))
                && (query.serviceId() == null || query.serviceId().equals(line.serviceId()))
                && (query.category() == null || query.category() == line.category())
                && (query.period() == null || line.billingPeriod() == null || query.period().overlaps(line.billingPeriod()));
    }

    @Override
    public List<String> carriers() {
        return lines.stream().map(ChargeLine::carrier).distinct().sorted().toList();
    }

    @Override
    public List<InvoiceHeader> invoices(LineQuery query) {
        return List.of();
    }

    @Override
    public void lines(LineQuery query, Consumer<ChargeLine> consumer) {
        lines.stream().filter(line -> matches(query, line)).forEach(consumer);
    }

    @Override
    public List<ServiceMonth> serviceMonths(LineQuery query) {
        Map<String, ServiceMonth> months = new LinkedHashMap<>();
        for (ChargeLine line : lines) {
            if (!matches(query, line) || line.serviceId() == null) {
                continue;
            }
            YearMonth month = YearMonth.from(line.chargedOn());
            String key = line.carrier() + '\u0000' + line.account() + '\u0000' + line.serviceId() + month + line.category();
            ServiceMonth sum = months.get(key);
            months.put(key, new ServiceMonth(line.carrier(), line.account(), line.serviceId(), month, line.category(),
                    sum == null ? line.amount() : sum.total().plus(line.amount()), sum == null ? 1 : sum.lines() + 1));
        }
        List<ServiceMonth> sorted = new ArrayList<>(months.values());
        // the store's order: carrier, account, service, month, category
        sorted.sort(Comparator.comparing(ServiceMonth::carrier).thenComparing(ServiceMonth::account).thenComparing(ServiceMonth::serviceId)
                .thenComparing(ServiceMonth::month).thenComparing(month -> month.category().name()));
        return sorted;
    }

    @Override
    public void serviceMonths(LineQuery query, Consumer<ServiceMonth> consumer) {
        serviceMonths(query).forEach(consumer);
    }

    @Override
    public List<DuplicateGroup> duplicateCandidates(LineQuery query) {
        Map<String, List<ChargeLine>> groups = new LinkedHashMap<>();
        for (ChargeLine line : lines) {
            if (matches(query, line) && line.serviceId() != null
                    && (line.category() == ChargeCategory.RECURRING || line.category() == ChargeCategory.ONE_TIME)) {
                Period period = line.chargePeriod() != null ? line.chargePeriod() : line.billingPeriod();
                groups.computeIfAbsent(line.carrier() + '\u0000' + line.serviceId() + '\u0000' + line.chargeCode() + '\u0000'
                        + (period == null ? line.invoiceDate() : period) + '\u0000' + line.amount().amount().stripTrailingZeros(),
                        k -> new ArrayList<>()).add(line);
            }
        }
        return groups.values().stream().filter(group -> group.size() > 1).map(DuplicateGroup::new).toList();
    }

    @Override
    public List<Contract> contracts(String carrier) {
        return contracts.stream().filter(contract -> carrier == null || carrier.equals(contract.carrier())).toList();
    }

    @Override
    public List<ExpectedService> expectedInventory() {
        return List.copyOf(expected);
    }

    @Override
    public List<ServiceOrder> orders(String carrier) {
        return orders.stream().filter(order -> carrier == null || carrier.equals(order.carrier())).toList();
    }

    @Override
    public List<Requirement> requirements() {
        return List.copyOf(requirements);
    }

    @Override
    public List<Benchmark> benchmarks(BenchmarkQuery query) {
        return List.of();
    }
}
