package org.bridgeline.api.detect;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.bridgeline.api.benchmark.BenchmarkCoverage;
import org.bridgeline.api.benchmark.BenchmarkQuery;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.ServiceOrder;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.ProcurementPolicy;
import org.bridgeline.api.model.Requirement;
import org.bridgeline.api.model.ServiceType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Read access to everything the enterprise is billed for, as a detector sees it. Core implements
 * it over its store; detectors never see the database. Every method returns results in a stable
 * order, so a detector that is deterministic over its input stays deterministic.
 */
@ProviderType
public interface BookOfBusiness {

    /** Every carrier with at least one invoice, sorted. */
    List<String> carriers();

    /** Invoice headers matching the query's carrier, account and period, by date then number. */
    List<InvoiceHeader> invoices(LineQuery query);

    /**
     * The query for a carrier's invoices of its latest {@code months} billing months (by billing
     * period, else invoice date), for a detector that judges the present and need not read the
     * past; the whole carrier when it has no invoices.
     */
    default LineQuery latestMonths(String carrier, int months) {
        LocalDate latest = null;
        for (InvoiceHeader invoice : invoices(LineQuery.carrier(carrier))) {
            LocalDate day = invoice.billingPeriod() != null ? invoice.billingPeriod().end() : invoice.date();
            latest = latest == null || day.isAfter(latest) ? day : latest;
        }
        if (latest == null) {
            return LineQuery.carrier(carrier);
        }
        YearMonth last = YearMonth.from(latest);
        return new LineQuery(carrier, null, null, Period.of(last.minusMonths(months - 1L).atDay(1), last.atEndOfMonth()));
    }

    /** Streams matching charge lines to the consumer, in invoice then source order. */
    void lines(LineQuery query, Consumer<ChargeLine> consumer);

    /**
     * Streams the lines of any of the categories that match the query (whose own category must be
     * {@code null}), in invoice then source order: a detector reading several kinds of rare lines
     * reads them in one pass over the book. The store selects them; this default reads every line
     * matching the query, for a book with no store behind it.
     *
     * @since 1.5
     */
    default void linesIn(LineQuery query, Set<ChargeCategory> categories, Consumer<ChargeLine> consumer) {
        if (query.category() != null) {
            throw new IllegalArgumentException("a query for several categories names no category of its own: " + query);
        }
        if (!categories.isEmpty()) {
            lines(query, line -> {
                if (categories.contains(line.category())) {
                    consumer.accept(line);
                }
            });
        }
    }

    /**
     * Streams the lines of the named services that match the query (whose own service id must be
     * {@code null}), by carrier, service, invoice and source order: the evidence for many findings
     * in one pass over the book instead of one pass per finding.
     */
    void lines(LineQuery query, Collection<String> serviceIds, Consumer<ChargeLine> consumer);

    /** What each service cost per month and charge category, computed in the store; by carrier, account, service, month, category. */
    List<ServiceMonth> serviceMonths(LineQuery query);

    /**
     * The same totals one at a time, in carrier, account, service, month and category order: a
     * detector that judges a service from its own months holds one service, not the book.
     */
    void serviceMonths(LineQuery query, Consumer<ServiceMonth> consumer);

    /**
     * Each service's charge codes at each price they were billed at, computed in the store, by
     * carrier, account, service, charge code and first day charged.
     */
    void billedPrices(LineQuery query, Consumer<BilledPrice> consumer);

    /** What each invoice billed per kind of service and charge category, computed in the store, by carrier, account and invoice. */
    void invoiceTotals(LineQuery query, Consumer<InvoiceTotal> consumer);

    /**
     * What each invoice billed per kind of service, charge category and charge code, by carrier,
     * account, invoice, kind of service, category and code. The store computes it; this default
     * walks the lines, for a book that has no store behind it.
     */
    default void invoiceCodeTotals(LineQuery query, Consumer<InvoiceCodeTotal> consumer) {
        Map<List<Object>, InvoiceCodeTotal> totals = new HashMap<>();
        lines(query, line -> totals.merge(Arrays.asList(line.carrier(), line.account(), line.invoiceNumber(), line.serviceType(),
                line.category(), line.chargeCode(), line.amount().currency()), new InvoiceCodeTotal(line.carrier(), line.account(),
                line.invoiceNumber(), line.invoiceDate(), line.billingPeriod(), line.serviceType(), line.category(), line.chargeCode(),
                line.amount(), 1), (a, b) -> new InvoiceCodeTotal(a.carrier(), a.account(), a.invoiceNumber(), a.invoiceDate(),
                a.billingPeriod(), a.serviceType(), a.category(), a.chargeCode(), a.total().plus(b.total()), a.lines() + b.lines())));
        totals.values().stream().sorted(Comparator.comparing(InvoiceCodeTotal::carrier).thenComparing(InvoiceCodeTotal::account)
                .thenComparing(InvoiceCodeTotal::invoiceDate).thenComparing(InvoiceCodeTotal::invoiceNumber)
                .thenComparing(total -> total.serviceType().name()).thenComparing(total -> total.category().name())
                .thenComparing(InvoiceCodeTotal::chargeCode, Comparator.nullsFirst(Comparator.naturalOrder()))).forEach(consumer);
    }

    /**
     * Each service's monthly totals per charge category in one piece, computed in the store, by
     * carrier, account and service: the view for judging a service against its own history.
     */
    void serviceHistories(LineQuery query, Consumer<ServiceHistory> consumer);

    /**
     * Every month in which a service's cost (recurring and usage charges added) moved against the
     * median of its months before, by carrier, account, service and month: a month with at least
     * {@code minimumHistoryMonths} months before it, a median that is not zero, and a change of at
     * least {@code minimumChange} and at least {@code thresholdPercent} of the median (either way).
     * The store computes it; this default reads the services' histories, for a book with no store behind it.
     *
     * @since 1.3
     */
    default void serviceCostMoves(LineQuery query, int minimumHistoryMonths, BigDecimal minimumChange, BigDecimal thresholdPercent,
            Consumer<ServiceCostMove> consumer) {
        List<ServiceCostMove> moves = new ArrayList<>();
        Map<String, YearMonth> carrierRecurring = new HashMap<>();
        serviceHistories(query, history -> {
            java.util.SortedMap<YearMonth, Money> recurring = history.months(ChargeCategory.RECURRING);
            if (!recurring.isEmpty()) {
                carrierRecurring.merge(history.carrier(), recurring.lastKey(), (a, b) -> a.isAfter(b) ? a : b);
            }
            java.util.SortedMap<YearMonth, Money> costs = history.combined(ChargeCategory.RECURRING, ChargeCategory.USAGE);
            java.util.SortedMap<YearMonth, Money> usage = history.months(ChargeCategory.USAGE);
            List<YearMonth> months = new ArrayList<>(costs.keySet());
            for (int i = Math.max(minimumHistoryMonths, 1); i < months.size(); i++) {
                Money cost = costs.get(months.get(i));
                List<BigDecimal> before = months.subList(0, i).stream().map(m -> costs.get(m).amount()).sorted().toList();
                int size = before.size();
                BigDecimal median = size % 2 == 1 ? before.get(size / 2) : before.get(size / 2 - 1).add(before.get(size / 2))
                        .divide(BigDecimal.valueOf(2), java.math.MathContext.DECIMAL64);
                BigDecimal change = cost.amount().subtract(median).abs();
                if (median.signum() != 0 && change.compareTo(minimumChange) >= 0
                        && change.multiply(BigDecimal.valueOf(100)).compareTo(thresholdPercent.multiply(median.abs())) >= 0) {
                    moves.add(new ServiceCostMove(history.carrier(), history.account(), history.serviceId(), months.get(i), cost, median, size,
                            costs.lastKey(), usage.isEmpty() ? null : usage.lastKey(), null));
                }
            }
        });
        moves.forEach(move -> consumer.accept(new ServiceCostMove(move.carrier(), move.account(), move.serviceId(), move.month(), move.cost(),
                move.median(), move.monthsBefore(), move.lastMonth(), move.lastUsageMonth(), carrierRecurring.get(move.carrier()))));
    }

    /**
     * The latest month (as {@link ChargeLine#chargedOn()} places a line) in which a service was
     * charged a line matching the query; empty when none was. The store finds it; this default
     * reads the services' histories, for a book with no store behind it.
     *
     * @since 1.4
     */
    default Optional<YearMonth> latestChargedMonth(LineQuery query) {
        YearMonth[] latest = {null};
        serviceHistories(query, history -> {
            for (ChargeCategory category : ChargeCategory.values()) {
                java.util.SortedMap<YearMonth, Money> months = history.months(category);
                if (!months.isEmpty() && (latest[0] == null || months.lastKey().isAfter(latest[0]))) {
                    latest[0] = months.lastKey();
                }
            }
        });
        return Optional.ofNullable(latest[0]);
    }

    /**
     * The services of the given kinds that paid a recurring charge in each of the {@code months}
     * months up to their latest recurring month, with no usage charge in any of them, and whose
     * latest recurring month is the latest month any service of their carrier was charged in the
     * query: by carrier, account and service, a service billed in two currencies once per currency.
     * The store computes it; this default reads the services' histories, for a book with no store
     * behind it.
     *
     * @since 1.5
     */
    default void idleServices(LineQuery query, int months, Set<ServiceType> serviceTypes,
            Consumer<IdleService> consumer) {
        if (months < 1) {
            throw new IllegalArgumentException("an idle run is at least one month long, not " + months);
        }
        List<IdleService> idle = new ArrayList<>();
        Map<String, YearMonth> latestOfCarrier = new HashMap<>();
        serviceHistories(query, history -> {
            latestOfCarrier.merge(history.carrier(), history.latestMonth(), (a, b) -> a.isAfter(b) ? a : b);
            java.util.SortedMap<YearMonth, Money> recurring = history.months(ChargeCategory.RECURRING);
            if (!serviceTypes.contains(history.serviceType()) || recurring.isEmpty()) {
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
            idle.add(new IdleService(history.carrier(), history.account(), history.serviceId(), history.serviceType(), from, latest,
                    recurring.get(latest)));
        });
        idle.stream().filter(service -> service.to().equals(latestOfCarrier.get(service.carrier()))).forEach(consumer);
    }

    /** What each service's calls to each number cost, computed in the store over usage lines that name the number, by carrier, account, service, number. */
    void usageByDestination(LineQuery query, Consumer<UsageByDestination> consumer);

    /**
     * Every carrier's (or one carrier's) calls over its last twelve months, per service and number
     * dialled, set against the per-minute benchmark of every provider (rate decks, by longest prefix).
     */
    default List<UsageMatch> usageMatches(String carrier) {
        List<BenchmarkCoverage> coverage = benchmarkCoverage();
        List<UsageMatch> matches = new ArrayList<>();
        for (String name : carrier == null ? carriers() : List.of(carrier)) {
            usageByDestination(latestMonths(name, 12).withCategory(ChargeCategory.USAGE), usage -> {
                BenchmarkQuery query = new BenchmarkQuery(usage.serviceType(), null, null, 0, usage.destination());
                matches.add(UsageMatch.match(usage, benchmarks(query), whyNoBenchmark(coverage, query)));
            });
        }
        return matches;
    }

    /** Groups of recurring and one-time lines that repeat the same charge, computed in the store. */
    List<DuplicateGroup> duplicateCandidates(LineQuery query);

    /**
     * The same groups one at a time, in the same order: a book with many repeated charges is never
     * held whole. The store streams them; this default hands over the list.
     *
     * @since 1.4
     */
    default void duplicateCandidates(LineQuery query, Consumer<DuplicateGroup> consumer) {
        duplicateCandidates(query).forEach(consumer);
    }

    /** Contracts with a carrier, or every contract when {@code carrier} is {@code null}. */
    List<Contract> contracts(String carrier);

    /** The services the enterprise believes it has, by carrier and service id. */
    List<ExpectedService> expectedInventory();

    /** Installs, changes and disconnects, by date; every order when {@code carrier} is {@code null}. */
    List<ServiceOrder> orders(String carrier);

    /** The procurement policy contracts are held to. */
    default ProcurementPolicy policy() {
        return ProcurementPolicy.DEFAULT;
    }

    /** IT's stated future requirements. */
    List<Requirement> requirements();

    /** The benchmarks every registered provider offers for the query, best first. */
    List<Benchmark> benchmarks(BenchmarkQuery query);

    /** What each registered benchmark provider covers. */
    List<BenchmarkCoverage> benchmarkCoverage();

    /**
     * Every service a carrier (or every carrier, for {@code null}) billed a recurring charge for in
     * its latest month, set against the best benchmark of every provider: priced for its contract's
     * term while the contract runs, month to month after it ends. By carrier, account and service.
     *
     * @param targetPercentile 25 (leading edge), 50 or 75: the percentile whose price is the target
     */
    default List<BenchmarkMatch> benchmarkMatches(String carrier, int targetPercentile) {
        return benchmarkMatchesOf(LineQuery.carrier(carrier), targetPercentile);
    }

    /**
     * The same matches one at a time ({@link #benchmarkMatchesOf(LineQuery, int, Consumer)}).
     *
     * @since 1.4
     */
    default void benchmarkMatches(String carrier, int targetPercentile, Consumer<BenchmarkMatch> consumer) {
        benchmarkMatchesOf(LineQuery.carrier(carrier), targetPercentile, consumer);
    }

    /**
     * The same matches for the services of the query's carrier, account and service id only (its
     * period and category are not used): one service's position without matching its carrier's book.
     * Narrowed to services, the latest month is theirs within their carrier's latest two.
     *
     * @since 1.2
     */
    default List<BenchmarkMatch> benchmarkMatchesOf(LineQuery services, int targetPercentile) {
        List<BenchmarkMatch> matches = new ArrayList<>();
        benchmarkMatchesOf(services, targetPercentile, matches::add);
        return matches;
    }

    /**
     * The same matches one at a time, in the same order: a reader of a large book holds one
     * service's match, not its carrier's: the carrier's latest month with a recurring charge is
     * found first ({@link #latestChargedMonth}), then its services are matched as they stream in.
     *
     * @since 1.4
     */
    default void benchmarkMatchesOf(LineQuery services, int targetPercentile, Consumer<BenchmarkMatch> consumer) {
        String carrier = services.carrier();
        List<BenchmarkCoverage> coverage = benchmarkCoverage();
        // thousands of services share a few kinds, bandwidths and terms: each distinct question is asked once
        Map<BenchmarkQuery, List<Benchmark>> answers = new HashMap<>();
        Map<BenchmarkQuery, String> whyNot = new HashMap<>();
        for (String name : carrier == null ? carriers() : List.of(carrier)) {
            LineQuery latestTwo = latestMonths(name, 2);
            LineQuery histories = new LineQuery(name, services.account(), services.serviceId(), latestTwo.period(), ChargeCategory.RECURRING);
            Optional<YearMonth> latestMonth = latestChargedMonth(histories);
            if (latestMonth.isEmpty()) {
                continue;
            }
            YearMonth latest = latestMonth.get();
            LocalDate day = latest.atDay(1);
            int term = contracts(name).stream().filter(c -> c.term().contains(day)).findFirst()
                    .map(c -> (int) java.time.temporal.ChronoUnit.MONTHS.between(c.term().start(), c.term().end().plusDays(1))).orElse(0);
            // where the bills do not state a bandwidth, the enterprise's own inventory may
            Map<String, BigDecimal> inventoryBandwidth = new HashMap<>();
            expectedInventory().stream().filter(s -> s.carrier().equals(name) && s.bandwidthMbps() != null)
                    .forEach(s -> inventoryBandwidth.put(s.serviceId(), s.bandwidthMbps()));
            serviceHistories(histories, history -> {
                java.util.SortedMap<YearMonth, Money> recurring = history.months(ChargeCategory.RECURRING);
                if (recurring.lastKey().equals(latest)) {
                    BigDecimal bandwidth = history.bandwidthMbps() != null ? history.bandwidthMbps() : inventoryBandwidth.get(history.serviceId());
                    BenchmarkQuery query = new BenchmarkQuery(history.serviceType(), bandwidth, null, term, null);
                    consumer.accept(BenchmarkMatch.match(history, recurring.get(latest), query, answers.computeIfAbsent(query, this::benchmarks),
                            targetPercentile, whyNot.computeIfAbsent(query, q -> whyNoBenchmark(coverage, q))));
                }
            });
        }
    }

    /** Why no benchmark answers a query, from what the providers cover. */
    static String whyNoBenchmark(List<BenchmarkCoverage> coverage, BenchmarkQuery query) {
        if (coverage.isEmpty()) {
            return "no benchmark provider is installed";
        }
        if (coverage.stream().noneMatch(c -> c.serviceTypes().contains(query.serviceType()))) {
            return "no benchmark provider covers " + query.serviceType();
        }
        if (query.region() != null && coverage.stream().noneMatch(c -> c.serviceTypes().contains(query.serviceType())
                && (c.regions().isEmpty() || c.regions().contains(query.region())))) {
            return "no benchmark provider covers " + query.serviceType() + " in " + query.region();
        }
        if (query.destination() != null) {
            return "no per-minute rate for " + query.destination();
        }
        return "no benchmark for " + query.serviceType() + (query.bandwidthMbps() == null ? ""
                : " at " + query.bandwidthMbps().stripTrailingZeros().toPlainString() + " Mbps") + " on a "
                + (query.termMonths() == 0 ? "month-to-month" : query.termMonths() + "-month") + " term";
    }
}
