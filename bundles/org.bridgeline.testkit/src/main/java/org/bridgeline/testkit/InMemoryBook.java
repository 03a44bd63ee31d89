package org.bridgeline.testkit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.bridgeline.api.benchmark.BenchmarkCoverage;
import org.bridgeline.api.benchmark.BenchmarkQuery;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.BilledPrice;
import org.bridgeline.api.detect.DuplicateGroup;
import org.bridgeline.api.detect.InvoiceTotal;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.detect.ServiceHistory;
import org.bridgeline.api.detect.UsageByDestination;
import org.bridgeline.api.detect.ServiceMonth;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.ProcurementPolicy;
import org.bridgeline.api.model.Requirement;
import org.bridgeline.api.model.ServiceOrder;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.enterprise.GeneratedEnterprise;

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
    /** What {@link #policy()} answers. */
    public ProcurementPolicy policy = ProcurementPolicy.DEFAULT;
    /** What {@link #benchmarks} answers: a benchmark applies to its service type, band and region ({@code *} for any). */
    public final List<Benchmark> benchmarkTable = new ArrayList<>();

    /** The bills, contracts, expected inventory and orders of a seeded enterprise, as detectors see them. */
    public static InMemoryBook of(GeneratedEnterprise enterprise) {
        InMemoryBook book = new InMemoryBook();
        book.lines.addAll(enterprise.lines());
        book.contracts.addAll(enterprise.contracts());
        book.expected.addAll(enterprise.expectedInventory());
        book.orders.addAll(enterprise.orders());
        book.benchmarkTable.addAll(enterprise.benchmarks());
        book.requirements.addAll(enterprise.requirements());
        return book;
    }

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
        Map<List<String>, InvoiceHeader> invoices = new LinkedHashMap<>();
        for (ChargeLine line : lines) {
            if (matches(query, line)) {
                invoices.putIfAbsent(List.of(line.carrier(), line.account(), line.invoiceNumber()), new InvoiceHeader(line.carrier(),
                        line.account(), line.subAccount(), line.invoiceNumber(), line.invoiceDate(), line.billingPeriod(),
                        line.amount().currency(), line.source()));
            }
        }
        return invoices.values().stream().sorted(Comparator.comparing(InvoiceHeader::date).thenComparing(InvoiceHeader::number)).toList();
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
            String key = line.carrier() + '\u0000' + line.account() + '\u0000' + line.serviceId() + month + line.category()
                    + line.serviceType();
            ServiceMonth sum = months.get(key);
            months.put(key, new ServiceMonth(line.carrier(), line.account(), line.serviceId(), line.serviceType(), month, line.category(),
                    sum == null ? line.amount() : sum.total().plus(line.amount()), sum == null ? 1 : sum.lines() + 1));
        }
        List<ServiceMonth> sorted = new ArrayList<>(months.values());
        // the store's order: carrier, account, service, month, category
        sorted.sort(Comparator.comparing(ServiceMonth::carrier).thenComparing(ServiceMonth::account).thenComparing(ServiceMonth::serviceId)
                .thenComparing(ServiceMonth::month).thenComparing(month -> month.category().name())
                .thenComparing(month -> month.serviceType().name()));
        return sorted;
    }

    @Override
    public void serviceMonths(LineQuery query, Consumer<ServiceMonth> consumer) {
        serviceMonths(query).forEach(consumer);
    }

    @Override
    public void lines(LineQuery query, Collection<String> serviceIds, Consumer<ChargeLine> consumer) {
        if (query.serviceId() != null) {
            throw new IllegalArgumentException("a query for named services names no service of its own: " + query);
        }
        lines.stream().filter(line -> line.serviceId() != null && matches(query, line) && serviceIds.contains(line.serviceId()))
                .sorted(Comparator.comparing(ChargeLine::carrier).thenComparing(ChargeLine::serviceId))
                .forEach(consumer);
    }

    @Override
    public void serviceHistories(LineQuery query, Consumer<ServiceHistory> consumer) {
        Map<List<Object>, Map<ChargeCategory, SortedMap<YearMonth, Money>>> histories = new TreeMap<>(
                Comparator.comparing((List<Object> key) -> (String) key.get(0)).thenComparing(key -> (String) key.get(1))
                        .thenComparing(key -> (String) key.get(2)).thenComparing(key -> ((Currency) key.get(3)).getCurrencyCode()));
        Map<List<Object>, ServiceType> types = new HashMap<>();
        Map<List<Object>, BigDecimal> bandwidths = new HashMap<>();
        Map<List<Object>, String> sites = new HashMap<>();
        for (ChargeLine line : lines) {
            if (!matches(query, line) || line.serviceId() == null) {
                continue;
            }
            List<Object> key = List.of(line.carrier(), line.account(), line.serviceId(), line.amount().currency());
            histories.computeIfAbsent(key, k -> new EnumMap<>(ChargeCategory.class)).computeIfAbsent(line.category(), k -> new TreeMap<>())
                    .merge(YearMonth.from(line.chargedOn()), line.amount(), Money::plus);
            if (line.serviceType() != ServiceType.OTHER) {
                types.merge(key, line.serviceType(), (a, b) -> a.name().compareTo(b.name()) <= 0 ? a : b);
            }
            if (line.bandwidthMbps() != null) {
                bandwidths.merge(key, line.bandwidthMbps(), BigDecimal::max);
            }
            if (line.site() != null) {
                sites.merge(key, line.site(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        histories.forEach((key, months) -> consumer.accept(new ServiceHistory((String) key.get(0), (String) key.get(1),
                (String) key.get(2), types.get(key), bandwidths.get(key), sites.get(key), (Currency) key.get(3), months)));
    }

    @Override
    public void billedPrices(LineQuery query, Consumer<BilledPrice> consumer) {
        Map<List<Object>, BilledPrice> prices = new LinkedHashMap<>();
        for (ChargeLine line : lines) {
            if (!matches(query, line) || line.serviceId() == null) {
                continue;
            }
            Money price = line.pricePerUnit();
            List<Object> key = Arrays.asList(line.carrier(), line.account(), line.serviceId(), line.serviceType(),
                    line.bandwidthMbps() == null ? null : line.bandwidthMbps().stripTrailingZeros(), line.chargeCode(), line.category(),
                    price.currency(), price.amount().stripTrailingZeros());
            LocalDate day = line.chargedOn();
            prices.merge(key, new BilledPrice(line.carrier(), line.account(), line.serviceId(), line.serviceType(), line.bandwidthMbps(),
                    line.chargeCode(), line.category(), price, day, day, 1), (a, b) -> new BilledPrice(a.carrier(), a.account(),
                    a.serviceId(), a.serviceType(), a.bandwidthMbps(), a.chargeCode(), a.category(), a.pricePerUnit(),
                    a.firstCharged().isBefore(b.firstCharged()) ? a.firstCharged() : b.firstCharged(),
                    a.lastCharged().isAfter(b.lastCharged()) ? a.lastCharged() : b.lastCharged(), a.lines() + b.lines()));
        }
        prices.values().stream().sorted(Comparator.comparing(BilledPrice::carrier).thenComparing(BilledPrice::account)
                .thenComparing(BilledPrice::serviceId).thenComparing(BilledPrice::chargeCode, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(BilledPrice::firstCharged)).forEach(consumer);
    }

    @Override
    public void usageByDestination(LineQuery query, Consumer<UsageByDestination> consumer) {
        Map<List<Object>, UsageByDestination> usage = new TreeMap<>(Comparator.comparing((List<Object> k) -> (String) k.get(0))
                .thenComparing(k -> (String) k.get(1)).thenComparing(k -> (String) k.get(2)).thenComparing(k -> (String) k.get(3))
                .thenComparing(k -> String.valueOf(k.get(4))).thenComparing(k -> ((Currency) k.get(5)).getCurrencyCode()));
        for (ChargeLine line : lines) {
            if (!matches(query, line) || line.category() != ChargeCategory.USAGE || line.destination() == null || line.serviceId() == null) {
                continue;
            }
            LocalDate day = line.chargedOn();
            usage.merge(Arrays.asList(line.carrier(), line.account(), line.serviceId(), line.destination(), line.usageUnit(),
                    line.amount().currency()), new UsageByDestination(line.carrier(), line.account(), line.serviceId(), line.serviceType(),
                    line.destination(), line.usageUnit(), line.amount(), line.usageQuantity() == null ? BigDecimal.ZERO : line.usageQuantity(), 1,
                    day, day), (a, b) -> new UsageByDestination(a.carrier(), a.account(), a.serviceId(), a.serviceType(), a.destination(),
                    a.usageUnit(), a.total().plus(b.total()), a.usageQuantity().add(b.usageQuantity()), a.lines() + b.lines(),
                    a.firstCharged().isBefore(b.firstCharged()) ? a.firstCharged() : b.firstCharged(),
                    a.lastCharged().isAfter(b.lastCharged()) ? a.lastCharged() : b.lastCharged()));
        }
        usage.values().forEach(consumer);
    }

    @Override
    public void invoiceTotals(LineQuery query, Consumer<InvoiceTotal> consumer) {
        Map<List<Object>, InvoiceTotal> totals = new LinkedHashMap<>();
        for (ChargeLine line : lines) {
            if (matches(query, line)) {
                totals.merge(Arrays.asList(line.carrier(), line.account(), line.invoiceNumber(), line.serviceType(), line.category()),
                        new InvoiceTotal(line.carrier(), line.account(), line.invoiceNumber(), line.invoiceDate(), line.billingPeriod(),
                                line.serviceType(), line.category(), line.amount(), 1),
                        (a, b) -> new InvoiceTotal(a.carrier(), a.account(), a.invoiceNumber(), a.invoiceDate(), a.billingPeriod(),
                                a.serviceType(), a.category(), a.total().plus(b.total()), a.lines() + b.lines()));
            }
        }
        totals.values().stream().sorted(Comparator.comparing(InvoiceTotal::carrier).thenComparing(InvoiceTotal::account)
                .thenComparing(InvoiceTotal::invoiceDate).thenComparing(InvoiceTotal::invoiceNumber)
                .thenComparing(total -> total.serviceType().name()).thenComparing(total -> total.category().name())).forEach(consumer);
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
    public ProcurementPolicy policy() {
        return policy;
    }

    @Override
    public List<Requirement> requirements() {
        return List.copyOf(requirements);
    }

    @Override
    public List<Benchmark> benchmarks(BenchmarkQuery query) {
        if (query.destination() != null) {
            // a per-minute row's region is the dialled prefix it prices: the longest that starts the number answers
            String digits = query.destination().replaceAll("\\D", "");
            return benchmarkTable.stream().filter(b -> b.unit() != null && b.serviceType() == query.serviceType() && digits.startsWith(b.region()))
                    .max(Comparator.comparingInt(b -> b.region().length())).map(List::of).orElse(List.of());
        }
        return benchmarkTable.stream().filter(b -> b.serviceType() == query.serviceType()
                && (query.bandwidthMbps() == null || b.band().contains(query.bandwidthMbps()))
                && (b.region().equals("*") || b.region().equalsIgnoreCase(String.valueOf(query.region())))).toList();
    }

    @Override
    public List<BenchmarkCoverage> benchmarkCoverage() {
        if (benchmarkTable.isEmpty()) {
            return List.of();
        }
        return List.of(new BenchmarkCoverage(benchmarkTable.stream().map(Benchmark::serviceType).collect(Collectors.toSet()),
                benchmarkTable.stream().map(Benchmark::region).filter(region -> !region.equals("*")).collect(Collectors.toSet()),
                benchmarkTable.stream().map(Benchmark::asOf).max(LocalDate::compareTo).orElseThrow(), "in-memory table"));
    }
}
