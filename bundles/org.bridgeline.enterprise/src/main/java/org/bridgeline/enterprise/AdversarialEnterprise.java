package org.bridgeline.enterprise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.bridgeline.api.model.BandwidthBand;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ContractRate;
import org.bridgeline.api.model.ContractService;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.PostTermRule;
import org.bridgeline.api.model.Requirement;
import org.bridgeline.api.model.ServiceOrder;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.api.model.SlaTerms;
import org.bridgeline.api.model.SourcePosition;
import org.bridgeline.enterprise.SeededEnterprise.Anomaly;

/**
 * A second, independent enterprise for judging detectors on the models carriers and enterprises
 * really keep, written against the traps an outside corpus found: master agreements whose services
 * have their own terms and a post-term rule (held rate, a 10 % uplift, a list price), inventories
 * listing each line's features, orders that add and remove features, local lines whose USF base is
 * not the whole bill, bills that state their USF basis, usage billed in arrears, circuits whose
 * bandwidth nobody states. Every anomaly has look-alike controls that must not be reported: uplifts
 * the agreement allows, ordered features, honoured disconnects, new installs in their first month,
 * credits, a reversed late fee, a missed month billed late, taxes on services nobody claimed exempt.
 * Three carriers' twelve months of 2025 bills are written as a charge-level CSV export.
 */
public final class AdversarialEnterprise implements GeneratedEnterprise {

    public static final String KEYSTONE = "Keystone Telephone";
    public static final String MERIDIAN = "Meridian Fiber";
    public static final String ORBIT = "Orbit Mobile";
    private static final int YEAR = 2025;
    private static final Currency USD = Currency.getInstance("USD");
    private static final BigDecimal[] FACTORS = {new BigDecimal("0.363"), new BigDecimal("0.366"), new BigDecimal("0.360"),
            new BigDecimal("0.381")};
    private static final Map<Integer, String> DIA = new TreeMap<>(Map.of(50, "450.00", 100, "650.00", 200, "900.00", 500, "1500.00",
            1000, "2200.00"));
    private static final Map<Integer, String> ETH = new TreeMap<>(Map.of(10, "300.00", 100, "700.00", 1000, "1800.00"));
    /** The market's p25 as a share of the contracted price, per band: some bands are overpriced, some are not. */
    private static final Map<String, String> P25_SHARE = Map.of("DIA50", "0.95", "DIA100", "0.80", "DIA200", "0.97", "DIA500", "0.85",
            "DIA1000", "0.99", "ETH10", "0.97", "ETH100", "0.85", "ETH1000", "0.98");
    private static final String LINE_RATE = "45.00";
    private static final String SLC_RATE = "9.20";
    private static final String PLAN_RATE = "55.00";
    private static final String PLAN_LIST = "62.00";

    /** A feature on a service from one day to another (inclusive; {@code null} for open). */
    private record Feature(String code, BigDecimal price, LocalDate from, LocalDate to) {
    }

    /** A service and everything its bills must say about it. */
    private static final class Svc {
        final String carrier;
        final String id;
        final String site;
        final ServiceType type;
        final Integer bandwidth;
        final String code;
        final BigDecimal rate;
        boolean billsBandwidth = true;
        LocalDate installed = LocalDate.of(2023, 3, 1);
        LocalDate disconnected;
        boolean billedAfterDisconnect;
        YearMonth priceFrom;
        BigDecimal price;
        final List<Feature> features = new ArrayList<>();
        final List<String> expectedFeatures = new ArrayList<>();
        boolean inInventory = true;
        YearMonth duplicated;
        YearMonth missed;
        boolean usage;
        boolean arrears;
        YearMonth idleFrom;
        YearMonth trickleFrom;
        YearMonth spike;
        YearMonth credited;
        boolean taxed;

        Svc(String carrier, String id, String site, ServiceType type, Integer bandwidth, String code, String rate) {
            this.carrier = carrier;
            this.id = id;
            this.site = site;
            this.type = type;
            this.bandwidth = bandwidth;
            this.code = code;
            this.rate = new BigDecimal(rate);
        }

        BigDecimal priceIn(YearMonth month) {
            return priceFrom != null && !month.isBefore(priceFrom) ? price : rate;
        }
    }

    private final long seed;
    private final int sites;
    private final Random random;
    private final List<Svc> services = new ArrayList<>();
    private final List<ChargeLine> lines = new ArrayList<>();
    private final List<Contract> contracts = new ArrayList<>();
    private final List<ExpectedService> expected = new ArrayList<>();
    private final List<ServiceOrder> orders = new ArrayList<>();
    private final List<Benchmark> benchmarks = new ArrayList<>();
    private final List<Anomaly> anomalies = new ArrayList<>();
    private final List<Anomaly> controls = new ArrayList<>();
    private final Set<Svc> taken = new LinkedHashSet<>();
    private final Map<String, Integer> rowsOfFile = new LinkedHashMap<>();
    private final Map<String, YearMonth> lateFeeReversed = new LinkedHashMap<>();
    private final Map<String, Set<Integer>> lateFeeMonths = new LinkedHashMap<>();
    private int orderNumber;

    private AdversarialEnterprise(long seed, int sites) {
        this.seed = seed;
        this.sites = sites;
        this.random = new Random(seed);
    }

    /** The enterprise of a seed with {@code sites} sites (at least 12: each trap needs a few). */
    public static AdversarialEnterprise generate(long seed, int sites) {
        if (sites < 12) {
            throw new IllegalArgumentException("the adversarial enterprise needs at least 12 sites, found " + sites);
        }
        AdversarialEnterprise enterprise = new AdversarialEnterprise(seed, sites);
        enterprise.build();
        return enterprise;
    }

    private void build() {
        for (int s = 1; s <= sites; s++) {
            String site = String.format("S%02d", s);
            for (int n = 1; n <= 6; n++) {
                Svc line = new Svc(KEYSTONE, String.format("215555%02d%02d", s, n), site, ServiceType.VOICE_LINE, null, "1FB", LINE_RATE);
                line.features.add(new Feature("SLC", new BigDecimal(SLC_RATE), null, null));
                line.expectedFeatures.addAll(List.of("1FB", "SLC"));
                line.usage = true;
                line.arrears = true;
                line.taxed = true;
                services.add(line);
            }
            int dia = pick(DIA.keySet());
            services.add(new Svc(MERIDIAN, "MF-DIA-" + site, site, ServiceType.DIA, dia, "DIA" + dia, DIA.get(dia)));
            int eth = pick(ETH.keySet());
            Svc ethernet = new Svc(MERIDIAN, "MF-ETH-" + site, site, ServiceType.ETHERNET, eth, "ETH" + eth, ETH.get(eth));
            ethernet.taxed = true; // not internet access: taxable, and nobody claimed otherwise
            services.add(ethernet);
            for (int n = 1; n <= 4; n++) {
                Svc phone = new Svc(ORBIT, String.format("917700%02d%02d", s, n), site, ServiceType.WIRELESS, null, "WLPLAN", PLAN_RATE);
                phone.usage = true;
                phone.taxed = true;
                services.add(phone);
            }
        }
        services.forEach(s -> {
            if (s.expectedFeatures.isEmpty()) {
                s.expectedFeatures.add(s.code);
            }
        });
        keystone();
        meridian();
        orbit();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(YEAR, m);
            for (String carrier : List.of(KEYSTONE, MERIDIAN, ORBIT)) {
                bill(carrier, month);
            }
        }
        inventoryAndOrders();
        benchmarkTable();
    }

    // ---- the traps, per carrier ----------------------------------------------------------------

    /** Local lines: a held rate after lines' own terms, features per line, USF on the interstate part, usage in arrears. */
    private void keystone() {
        List<Svc> scheduled = pool(s -> s.carrier.equals(KEYSTONE) && List.of("S01", "S02", "S03").contains(s.site));
        List<ContractService> schedule = new ArrayList<>();
        for (Svc s : scheduled) {
            s.installed = LocalDate.of(2022, 3, 1);
            schedule.add(new ContractService(s.id, ServiceType.VOICE_LINE, null, Period.of(s.installed, LocalDate.of(2025, 2, 28)), List.of()));
        }
        List<ContractRate> rates = List.of(voiceRate("1FB", LINE_RATE), voiceRate("SLC", SLC_RATE), voiceRate("VM", "8.00"),
                voiceRate("HUNT", "5.00"), voiceRate("CID", "3.00"));
        contracts.add(new Contract(KEYSTONE, "KT-MSA-23", Period.of(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31)), false, 0, null,
                rates, new SlaTerms(new BigDecimal("99.9"), Duration.ofHours(4), BigDecimal.TEN), true, PostTermRule.HOLD, schedule));
        controls.add(new Anomaly("contract-policy", "policy-breach", KEYSTONE, ""));
        // after their own term the rate holds: a rise is a credit, never an allowed step
        for (Svc s : take(scheduled, 3)) {
            s.priceFrom = YearMonth.of(YEAR, 4 + random.nextInt(6));
            s.price = new BigDecimal("49.50");
            anomaly("rate-above-contract", "rate-above-contract", s);
            control("out-of-term-pricing", "out-of-term-pricing", s);
        }
        for (Svc s : take(scheduled, 3)) { // past their term, still at the held rate
            control("rate-above-contract", "rate-above-contract", s);
            control("out-of-term-pricing", "out-of-term-pricing", s);
        }
        List<Svc> lines = pool(s -> s.carrier.equals(KEYSTONE) && !List.of("S01", "S02", "S03").contains(s.site));
        for (Svc s : take(lines, 2)) { // in the agreement's term, above its rate
            s.priceFrom = YearMonth.of(YEAR, 3 + random.nextInt(8));
            s.price = new BigDecimal("47.00");
            anomaly("rate-above-contract", "rate-above-contract", s);
        }
        // features: the rate card prices voice mail on every line, the inventory puts it on some
        for (Svc s : take(lines, 3)) {
            s.features.add(new Feature("VM", new BigDecimal("8.00"), null, null));
            anomaly("unrequested-features", "unrequested-feature", s);
        }
        for (Svc s : take(lines, 2)) {
            s.features.add(new Feature("VM", new BigDecimal("8.00"), null, null));
            s.expectedFeatures.add("VM");
            control("unrequested-features", "unrequested-feature", s);
        }
        for (Svc s : take(lines, 2)) { // hunting ordered mid-month, billed from that day
            LocalDate ordered = YearMonth.of(YEAR, 3 + random.nextInt(6)).atDay(5 + random.nextInt(20));
            s.features.add(new Feature("HUNT", new BigDecimal("5.00"), ordered, null));
            orders.add(order(s, ServiceOrder.Kind.ADD_FEATURE, ordered, "HUNT"));
            control("unrequested-features", "unrequested-feature", s);
        }
        for (Svc s : take(lines, 2)) { // caller id removed, and gone from the bills
            LocalDate removed = YearMonth.of(YEAR, 4 + random.nextInt(5)).atDay(1);
            s.features.add(new Feature("CID", new BigDecimal("3.00"), null, removed.minusDays(1)));
            s.expectedFeatures.add("CID");
            orders.add(order(s, ServiceOrder.Kind.REMOVE_FEATURE, removed, "CID"));
            control("unrequested-features", "unrequested-feature", s);
        }
        for (Svc s : take(lines, 2)) { // caller id removed, still billed
            LocalDate removed = YearMonth.of(YEAR, 4 + random.nextInt(5)).atDay(1);
            s.features.add(new Feature("CID", new BigDecimal("3.00"), null, null));
            s.expectedFeatures.add("CID");
            orders.add(order(s, ServiceOrder.Kind.REMOVE_FEATURE, removed, "CID"));
            anomaly("unrequested-features", "unrequested-feature", s);
        }
        usageTraps(lines);
        lifecycleTraps(lines, 1);
        for (Svc s : take(lines, 2)) { // one month's line rate billed twice
            s.duplicated = YearMonth.of(YEAR, 2 + random.nextInt(9));
            anomaly("duplicate-charges", "duplicate-charge", s);
        }
        for (Svc s : take(lines, 2)) { // one month's line rate missed, billed on the next bill for its own period
            s.missed = YearMonth.of(YEAR, 2 + random.nextInt(9));
            control("duplicate-charges", "duplicate-charge", s);
            control("cost-variance", "cost-variance", s);
        }
    }

    /** Circuits: their own terms, a 10 % uplift allowed after them, a site's own rate, taxes on internet access, unknown bandwidth. */
    private void meridian() {
        List<Svc> circuits = pool(s -> s.carrier.equals(MERIDIAN));
        List<Svc> early = pool(s -> s.carrier.equals(MERIDIAN) && List.of("S01", "S02", "S03", "S04").contains(s.site));
        List<ContractService> schedule = new ArrayList<>();
        for (Svc s : circuits) {
            if (s.site.equals("S05") && s.type == ServiceType.DIA) {
                continue; // priced by its site's schedule entry below
            }
            boolean isEarly = early.contains(s);
            s.installed = isEarly ? LocalDate.of(2022, 7, 1) : LocalDate.of(2023, 1, 1);
            schedule.add(new ContractService(s.id, s.type, null, Period.of(s.installed, isEarly ? LocalDate.of(2025, 6, 30)
                    : LocalDate.of(2025, 12, 31)), List.of()));
        }
        Svc remote = circuits.stream().filter(s -> s.site.equals("S05") && s.type == ServiceType.DIA).findFirst().orElseThrow();
        taken.add(remote);
        BigDecimal siteRate = remote.rate.multiply(new BigDecimal("1.08")).setScale(2, RoundingMode.HALF_EVEN);
        schedule.add(new ContractService(null, ServiceType.DIA, "S05", Period.of(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31)),
                List.of(new ContractRate(ServiceType.DIA, remote.code, BigDecimal.valueOf(remote.bandwidth), ChargeCategory.RECURRING,
                        new Money(siteRate, USD), null))));
        remote.priceFrom = YearMonth.of(YEAR, 1);
        remote.price = siteRate;
        control("rate-above-contract", "rate-above-contract", remote);
        List<ContractRate> rates = new ArrayList<>();
        DIA.forEach((bw, price) -> rates.add(new ContractRate(ServiceType.DIA, "DIA" + bw, BigDecimal.valueOf(bw), ChargeCategory.RECURRING,
                Money.of(price, "USD"), null)));
        ETH.forEach((bw, price) -> rates.add(new ContractRate(ServiceType.ETHERNET, "ETH" + bw, BigDecimal.valueOf(bw),
                ChargeCategory.RECURRING, Money.of(price, "USD"), null)));
        contracts.add(new Contract(MERIDIAN, "MF-MSA-23", Period.of(LocalDate.of(2023, 1, 1), LocalDate.of(2027, 12, 31)), false, 0, null,
                rates, new SlaTerms(new BigDecimal("99.99"), Duration.ofHours(4), BigDecimal.TEN), false,
                PostTermRule.uplift(BigDecimal.TEN), schedule));
        anomaly("contract-policy", "policy-breach", MERIDIAN, ""); // 60 months
        // after their own term ended on 30 June: the allowed uplift, more than it, or no step at all
        for (Svc s : take(early, 3)) {
            s.priceFrom = YearMonth.of(YEAR, 7 + random.nextInt(4));
            s.price = s.rate.multiply(new BigDecimal("1.10")).setScale(2, RoundingMode.HALF_UP);
            anomaly("out-of-term-pricing", "out-of-term-pricing", s);
            control("rate-above-contract", "rate-above-contract", s);
        }
        for (Svc s : take(early, 2)) {
            s.priceFrom = YearMonth.of(YEAR, 7 + random.nextInt(4));
            s.price = s.rate.multiply(new BigDecimal("1.20")).setScale(2, RoundingMode.HALF_UP);
            anomaly("out-of-term-pricing", "out-of-term-pricing", s);
            anomaly("rate-above-contract", "rate-above-contract", s);
        }
        for (Svc s : take(early, 2)) {
            control("out-of-term-pricing", "out-of-term-pricing", s);
        }
        List<Svc> inTerm = pool(s -> s.carrier.equals(MERIDIAN) && !early.contains(s));
        for (Svc s : take(inTerm, 2)) {
            s.priceFrom = YearMonth.of(YEAR, 2 + random.nextInt(9));
            s.price = s.rate.multiply(new BigDecimal("1.12")).setScale(2, RoundingMode.HALF_UP);
            anomaly("rate-above-contract", "rate-above-contract", s);
        }
        for (Svc s : take(pool(s -> s.carrier.equals(MERIDIAN) && s.type == ServiceType.DIA), 2)) {
            s.taxed = true; // internet access is exempt
            anomaly("taxes-and-surcharges", "tax-on-exempt-service", s);
        }
        circuits.stream().filter(s -> s.type == ServiceType.ETHERNET).limit(3)
                .forEach(s -> control("taxes-and-surcharges", "tax-on-exempt-service", s));
        for (Svc s : take(inTerm, 1)) {
            s.duplicated = YearMonth.of(YEAR, 2 + random.nextInt(9));
            anomaly("duplicate-charges", "duplicate-charge", s);
        }
        // two 10 Gbit/s circuits whose bandwidth neither the bill nor the inventory states
        for (int n = 1; n <= 2; n++) {
            Svc unknown = new Svc(MERIDIAN, "MF-10G-" + n, String.format("S%02d", n), ServiceType.DIA, null, "DIA10G", "9000.00");
            unknown.billsBandwidth = false;
            unknown.expectedFeatures.add(unknown.code);
            services.add(unknown);
            taken.add(unknown);
            schedule.add(new ContractService(unknown.id, ServiceType.DIA, null, Period.of(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31)),
                    List.of(new ContractRate(ServiceType.DIA, "DIA10G", null, ChargeCategory.RECURRING, Money.of("9000.00", "USD"), null))));
            control("above-benchmark", "above-benchmark", unknown);
        }
        contracts.set(contracts.size() - 1, withSchedule(contracts.get(contracts.size() - 1), schedule));
        lifecycleTraps(inTerm, 0);
    }

    /** Wireless: an agreement that ended in June and goes to a named list price; it renews itself. */
    private void orbit() {
        contracts.add(new Contract(ORBIT, "OM-2023", Period.of(LocalDate.of(2023, 7, 1), LocalDate.of(2025, 6, 30)), true, 12, null,
                List.of(new ContractRate(ServiceType.WIRELESS, "WLPLAN", null, ChargeCategory.RECURRING, Money.of(PLAN_RATE, "USD"), null)),
                new SlaTerms(new BigDecimal("99.9"), Duration.ofHours(4), BigDecimal.TEN), false,
                new PostTermRule(PostTermRule.Kind.LIST_PRICE, null, List.of(new ContractRate(ServiceType.WIRELESS, "WLPLAN", null,
                        ChargeCategory.RECURRING, Money.of(PLAN_LIST, "USD"), null))), List.of()));
        anomaly("contract-policy", "policy-breach", ORBIT, ""); // it renews itself
        List<Svc> phones = pool(s -> s.carrier.equals(ORBIT));
        for (Svc s : take(phones, 3)) { // to the list price: a step to renegotiate, no credit
            s.priceFrom = YearMonth.of(YEAR, 7 + random.nextInt(4));
            s.price = new BigDecimal(PLAN_LIST);
            anomaly("out-of-term-pricing", "out-of-term-pricing", s);
            control("rate-above-contract", "rate-above-contract", s);
        }
        for (Svc s : take(phones, 2)) { // above the list price
            s.priceFrom = YearMonth.of(YEAR, 7 + random.nextInt(4));
            s.price = new BigDecimal("66.00");
            anomaly("out-of-term-pricing", "out-of-term-pricing", s);
            anomaly("rate-above-contract", "rate-above-contract", s);
        }
        for (Svc s : take(phones, 2)) {
            control("out-of-term-pricing", "out-of-term-pricing", s);
        }
        usageTraps(phones);
        lifecycleTraps(phones, 0);
    }

    private static Contract withSchedule(Contract c, List<ContractService> schedule) {
        return new Contract(c.carrier(), c.contractId(), c.term(), c.autoRenewal(), c.renewalTermMonths(), c.committedSpend(), c.rates(),
                c.sla(), c.lateFeesWaived(), c.postTerm(), schedule);
    }

    /** Idle lines, usage spikes in any month, and the look-alikes: a little usage, credits, a new install. */
    private void usageTraps(List<Svc> pool) {
        for (Svc s : take(pool, 3)) {
            s.idleFrom = YearMonth.of(YEAR, 9);
            anomaly("zero-usage", "zero-usage", s);
        }
        for (Svc s : take(pool, 2)) { // a little usage is still usage
            s.trickleFrom = YearMonth.of(YEAR, 9);
            control("zero-usage", "zero-usage", s);
        }
        for (Svc s : take(pool, 3)) {
            s.spike = YearMonth.of(YEAR, 5 + random.nextInt(6));
            anomaly("cost-variance", "cost-variance", s);
        }
        for (Svc s : take(pool, 2)) {
            s.credited = YearMonth.of(YEAR, 4 + random.nextInt(7));
            control("cost-variance", "cost-variance", s);
        }
        for (Svc s : take(pool, 2)) { // new in the year: the first month is prorated
            s.installed = YearMonth.of(YEAR, 3 + random.nextInt(4)).atDay(10 + random.nextInt(15));
            control("cost-variance", "cost-variance", s);
            control("inventory-mismatch", "billed-not-in-inventory", s);
        }
    }

    /** Disconnects billed on and honoured ones, services missing from the inventory, and an inventory entry not billed. */
    private void lifecycleTraps(List<Svc> pool, int extra) {
        for (Svc s : take(pool, 2 + extra)) {
            s.disconnected = YearMonth.of(YEAR, 3 + random.nextInt(6)).atDay(5 + random.nextInt(20));
            s.billedAfterDisconnect = true;
            anomaly("billed-after-disconnect", "billed-after-disconnect", s);
        }
        for (Svc s : take(pool, 2)) {
            s.disconnected = YearMonth.of(YEAR, 3 + random.nextInt(6)).atDay(5 + random.nextInt(20));
            control("billed-after-disconnect", "billed-after-disconnect", s);
            control("cost-variance", "cost-variance", s);
        }
        for (Svc s : take(pool, 2)) {
            s.inInventory = false;
            anomaly("inventory-mismatch", "billed-not-in-inventory", s);
        }
    }

    // ---- bills -----------------------------------------------------------------------------------

    private void bill(String carrier, YearMonth month) {
        String prefix = carrier.substring(0, 2).toUpperCase();
        String invoice = prefix + "-" + month;
        String account = prefix + "-ACCT-7";
        String file = invoice + ".csv";
        Period period = Period.of(month.atDay(1), month.atEndOfMonth());
        List<ChargeLine> billed = new ArrayList<>();
        for (Svc s : services) {
            if (s.carrier.equals(carrier)) {
                billService(s, month, period, file, account, invoice, billed);
            }
        }
        for (ChargeLine line : billed) {
            lines.add(line);
            Svc s = service(line.serviceId());
            if (s.taxed && (line.category() == ChargeCategory.RECURRING || line.category() == ChargeCategory.USAGE)) {
                BigDecimal tax = line.amount().amount().multiply(new BigDecimal("0.05")).setScale(2, RoundingMode.HALF_EVEN);
                lines.add(line.toBuilder().category(ChargeCategory.TAX).chargeCode("ST").tax("ST", "PA").description("State tax")
                        .quantity(null).unit(null).unitPrice(null).usage(null, null).destination(null).bandwidthMbps(null)
                        .amount(new Money(tax, USD)).source(next(file)).build());
            }
        }
        if (!carrier.equals(MERIDIAN)) {
            usf(carrier, month, period, file, account, invoice, billed);
        }
        lateFees(carrier, month, period, file, account, invoice);
    }

    private void billService(Svc s, YearMonth month, Period period, String file, String account, String invoice, List<ChargeLine> billed) {
        LocalDate from = s.installed.isAfter(period.start()) ? s.installed : period.start();
        LocalDate to = period.end();
        boolean honoured = s.disconnected != null && !s.billedAfterDisconnect;
        if (honoured && s.disconnected.isBefore(to)) {
            to = s.disconnected;
        }
        boolean active = !from.isAfter(to);
        if (active) {
            Period charged = Period.of(from, to);
            BigDecimal unit = s.priceIn(month);
            if (!month.equals(s.missed)) {
                billed.add(recurring(s, file, account, invoice, period, s.code, unit, charged));
            }
            if (month.equals(s.duplicated)) {
                billed.add(recurring(s, file, account, invoice, period, s.code, unit, charged));
            }
            if (s.missed != null && month.equals(s.missed.plusMonths(1))) {
                billed.add(recurring(s, file, account, invoice, period, s.code, s.priceIn(s.missed),
                        Period.of(s.missed.atDay(1), s.missed.atEndOfMonth())));
            }
            for (Feature feature : s.features) {
                LocalDate start = feature.from() != null && feature.from().isAfter(from) ? feature.from() : from;
                LocalDate end = feature.to() != null && feature.to().isBefore(to) ? feature.to() : to;
                if (!start.isAfter(end)) {
                    billed.add(recurring(s, file, account, invoice, period, feature.code(), feature.price(), Period.of(start, end)));
                }
            }
            if (month.equals(s.credited)) {
                billed.add(base(s, file, account, invoice, period).category(ChargeCategory.CREDIT).chargeCode("OUTAGE")
                        .description("Outage credit").amount(Money.of("-30.00", "USD")).chargePeriod(period).build());
            }
        }
        if (s.usage) {
            YearMonth used = s.arrears ? month.minusMonths(1) : month;
            boolean existed = !s.installed.isAfter(used.atEndOfMonth()) && (!honoured || !s.disconnected.isBefore(used.atDay(1)));
            if (used.getYear() == YEAR && existed && (s.idleFrom == null || used.isBefore(s.idleFrom))) {
                BigDecimal amount = used.equals(s.spike) ? cents(25_000 + random.nextInt(15_000))
                        : s.trickleFrom != null && !used.isBefore(s.trickleFrom) ? cents(15)
                        : s.type == ServiceType.WIRELESS ? cents(random.nextInt(200)) : cents(800 + random.nextInt(600));
                if (amount.signum() > 0) {
                    billed.add(base(s, file, account, invoice, period).category(ChargeCategory.USAGE)
                            .chargeCode(s.type == ServiceType.WIRELESS ? "DATA" : "LD")
                            .description(s.type == ServiceType.WIRELESS ? "data overage" : "long distance")
                            .usage(amount.multiply(BigDecimal.TEN).setScale(0, RoundingMode.HALF_EVEN), s.type == ServiceType.WIRELESS ? "MB" : "MIN")
                            .destination(s.type == ServiceType.WIRELESS ? null : "1212555" + String.format("%04d", random.nextInt(10_000)))
                            .amount(new Money(amount, USD)).chargePeriod(Period.of(used.atDay(1), used.atEndOfMonth())).build());
                }
            }
        }
    }

    private ChargeLine recurring(Svc s, String file, String account, String invoice, Period period, String code, BigDecimal unit,
            Period charged) {
        BigDecimal amount = prorate(unit, charged);
        ChargeLine.Builder line = base(s, file, account, invoice, period).category(ChargeCategory.RECURRING).chargeCode(code)
                .description(code.equals(s.code) ? s.type + " service" : code + " feature").quantity(BigDecimal.ONE)
                .unitPrice(new Money(unit, USD)).amount(new Money(amount, USD)).chargePeriod(charged);
        if (s.bandwidth != null && s.billsBandwidth && code.equals(s.code)) {
            line.bandwidthMbps(BigDecimal.valueOf(s.bandwidth));
        }
        return line.build();
    }

    private ChargeLine.Builder base(Svc s, String file, String account, String invoice, Period period) {
        return ChargeLine.builder().carrier(s.carrier).account(account).invoiceNumber(invoice).invoiceDate(period.end()).billingPeriod(period)
                .serviceId(s.id).site(s.site).serviceType(s.type).source(next(file));
    }

    /** The federal USF line on the interstate part of the bill; on a few bills, on the whole bill; on some, with its basis stated. */
    private void usf(String carrier, YearMonth month, Period period, String file, String account, String invoice, List<ChargeLine> billed) {
        BigDecimal interstate = BigDecimal.ZERO;
        BigDecimal whole = BigDecimal.ZERO;
        for (ChargeLine line : billed) {
            whole = whole.add(line.amount().amount());
            interstate = interstate.add(line.amount().amount().multiply(interstateShare(line)));
        }
        BigDecimal factor = FACTORS[(month.getMonthValue() - 1) / 3];
        int draw = random.nextInt(12);
        boolean inflated = draw < 2;
        boolean stated = draw >= 9;
        BigDecimal base = inflated ? whole : interstate.setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal share = stated && draw == 11 ? new BigDecimal("1.15") : inflated ? new BigDecimal("0.95")
                : BigDecimal.valueOf(75 + random.nextInt(20)).movePointLeft(2);
        BigDecimal amount = base.multiply(factor).multiply(share).setScale(2, RoundingMode.HALF_EVEN);
        ChargeLine.Builder line = ChargeLine.builder().carrier(carrier).account(account).invoiceNumber(invoice).invoiceDate(period.end())
                .billingPeriod(period).category(ChargeCategory.SURCHARGE).chargeCode("FUSF").tax("FUSF", "US")
                .description("Federal Universal Service Fee").amount(new Money(amount, USD)).source(next(file));
        if (stated) {
            line.quantity(base).unit("BASIS");
        }
        lines.add(line.build());
        if (inflated || stated && draw == 11) {
            anomalies.add(new Anomaly("taxes-and-surcharges", "usf-above-cap", carrier, invoice));
        } else {
            controls.add(new Anomaly("taxes-and-surcharges", "usf-above-cap", carrier, invoice));
        }
    }

    /**
     * The taxes detector's default jurisdiction of a charge, which both generators bill USF by: a local line's rate and
     * features intrastate, its SLC and calls interstate, wireless by its safe harbour.
     */
    static BigDecimal interstateShare(ChargeLine line) {
        if ("SLC".equals(line.chargeCode())) {
            return BigDecimal.ONE;
        }
        if (line.serviceType() == ServiceType.WIRELESS) {
            return new BigDecimal("0.371");
        }
        boolean local = line.serviceType() == ServiceType.VOICE_LINE
                && (line.category() == ChargeCategory.RECURRING || line.category() == ChargeCategory.ONE_TIME);
        return local ? BigDecimal.ZERO : BigDecimal.ONE;
    }

    /** Late fees: owed back under Keystone's waiver, avoidable elsewhere; one per carrier is reversed by the carrier on the next bill. */
    private void lateFees(String carrier, YearMonth month, Period period, String file, String account, String invoice) {
        if (!lateFeeMonths.containsKey(carrier)) {
            // one or two fees a year, and one fee reversed, in months drawn apart
            List<Integer> months = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
            Collections.shuffle(months, random);
            lateFeeMonths.put(carrier, new LinkedHashSet<>(months.subList(0, 1 + random.nextInt(2))));
            lateFeeReversed.put(carrier, YearMonth.of(YEAR, months.get(2)));
        }
        YearMonth reversed = lateFeeReversed.get(carrier);
        if (reversed.equals(month)) {
            lines.add(accountLine(carrier, account, invoice, period, file, ChargeCategory.ADJUSTMENT, "LATEFEE", "Late payment charge", "35.00"));
            controls.add(new Anomaly("late-fees", "late-fee", carrier, invoice));
        } else if (reversed.plusMonths(1).equals(month)) {
            lines.add(accountLine(carrier, account, invoice, period, file, ChargeCategory.CREDIT, "LATEFEE", "Late payment charge reversed",
                    "-35.00"));
        }
        if (lateFeeMonths.get(carrier).contains(month.getMonthValue())) {
            lines.add(accountLine(carrier, account, invoice, period, file, ChargeCategory.ADJUSTMENT, "LATEFEE", "Late payment charge",
                    String.valueOf(20 + random.nextInt(40)) + ".00"));
            anomalies.add(new Anomaly("late-fees", "late-fee", carrier, invoice));
        }
    }

    private ChargeLine accountLine(String carrier, String account, String invoice, Period period, String file, ChargeCategory category,
            String code, String description, String amount) {
        return ChargeLine.builder().carrier(carrier).account(account).invoiceNumber(invoice).invoiceDate(period.end()).billingPeriod(period)
                .category(category).chargeCode(code).description(description).amount(Money.of(amount, "USD")).source(next(file)).build();
    }

    // ---- inputs ------------------------------------------------------------------------------------

    private void inventoryAndOrders() {
        for (Svc s : services) {
            orders.add(order(s, ServiceOrder.Kind.INSTALL, s.installed, null));
            if (s.disconnected != null) {
                orders.add(order(s, ServiceOrder.Kind.DISCONNECT, s.disconnected, null));
            }
            if (s.inInventory) {
                BigDecimal monthly = s.rate.add(s.features.stream().filter(f -> s.expectedFeatures.contains(f.code())).map(Feature::price)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
                expected.add(new ExpectedService(s.carrier, s.id, s.site, s.type, s.bandwidth == null ? null : BigDecimal.valueOf(s.bandwidth),
                        s.disconnected != null ? "DISCONNECTED" : "ACTIVE", s.expectedFeatures, new Money(monthly, USD), s.installed, 36,
                        s.disconnected));
            }
        }
        expected.add(new ExpectedService(KEYSTONE, "2155559999", "S01", ServiceType.VOICE_LINE, null, "ACTIVE", List.of("1FB", "SLC"),
                Money.of("54.20", "USD"), LocalDate.of(2023, 3, 1), 36, null));
        anomalies.add(new Anomaly("inventory-mismatch", "expected-not-billed", KEYSTONE, "2155559999"));
        expected.add(new ExpectedService(MERIDIAN, "MF-DIA-NEW", "S02", ServiceType.DIA, new BigDecimal("500"), "PENDING",
                List.of("DIA500"), Money.of("1500.00", "USD"), null, 36, null));
        controls.add(new Anomaly("inventory-mismatch", "expected-not-billed", MERIDIAN, "MF-DIA-NEW"));
    }

    private ServiceOrder order(Svc s, ServiceOrder.Kind kind, LocalDate effective, String feature) {
        return new ServiceOrder(String.format("ADV-%04d", ++orderNumber), s.carrier, s.id, kind, effective, null, feature);
    }

    /** A benchmark table by band; the truth is each service whose December price is at least 10 % and 600 a year above its p25. */
    private void benchmarkTable() {
        for (Map.Entry<String, Map<Integer, String>> type : Map.of("DIA", DIA, "ETH", ETH).entrySet()) {
            ServiceType serviceType = type.getKey().equals("DIA") ? ServiceType.DIA : ServiceType.ETHERNET;
            List<Integer> speeds = new ArrayList<>(type.getValue().keySet());
            for (int i = 0; i < speeds.size(); i++) {
                BigDecimal price = new BigDecimal(type.getValue().get(speeds.get(i)));
                BigDecimal p25 = price.multiply(new BigDecimal(P25_SHARE.get(type.getKey() + speeds.get(i)))).setScale(2, RoundingMode.HALF_EVEN);
                BandwidthBand band = new BandwidthBand(BigDecimal.valueOf(speeds.get(i)), i + 1 < speeds.size() ? BigDecimal.valueOf(speeds.get(i + 1))
                        : null);
                benchmarks.add(new Benchmark(serviceType, band, "*", 36, new Money(p25, USD),
                        new Money(p25.multiply(new BigDecimal("1.10")).setScale(2, RoundingMode.HALF_EVEN), USD),
                        new Money(p25.multiply(new BigDecimal("1.25")).setScale(2, RoundingMode.HALF_EVEN), USD), null, 30 + 5 * i,
                        SeededEnterprise.BENCHMARK_PROVIDER, "Illustrative benchmark table of the adversarial enterprise (not market data)",
                        LocalDate.of(YEAR, 9, 30)));
            }
        }
        YearMonth december = YearMonth.of(YEAR, 12);
        Map<String, BigDecimal> decemberPrice = new LinkedHashMap<>();
        for (ChargeLine line : lines) {
            if (line.category() == ChargeCategory.RECURRING && YearMonth.from(line.chargedOn()).equals(december)) {
                decemberPrice.merge(line.serviceId(), line.amount().amount(), BigDecimal::add);
            }
        }
        for (Svc s : services) {
            BigDecimal price = decemberPrice.get(s.id);
            if (price == null || s.bandwidth == null || s.carrier.equals(KEYSTONE) || s.carrier.equals(ORBIT)) {
                continue;
            }
            BigDecimal target = benchmarks.stream().filter(b -> b.serviceType() == s.type && b.band().contains(BigDecimal.valueOf(s.bandwidth)))
                    .findFirst().orElseThrow().p25().amount();
            BigDecimal over = price.subtract(target);
            boolean above = over.multiply(BigDecimal.valueOf(100)).compareTo(target.multiply(BigDecimal.TEN)) >= 0
                    && over.multiply(BigDecimal.valueOf(12)).compareTo(BigDecimal.valueOf(600)) >= 0;
            (above ? anomalies : controls).add(new Anomaly("above-benchmark", "above-benchmark", s.carrier, s.id));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static ContractRate voiceRate(String code, String price) {
        return new ContractRate(ServiceType.VOICE_LINE, code, null, ChargeCategory.RECURRING, Money.of(price, "USD"), null);
    }

    private void anomaly(String detector, String kind, Svc s) {
        anomalies.add(new Anomaly(detector, kind, s.carrier, s.id));
    }

    private void anomaly(String detector, String kind, String carrier, String subject) {
        anomalies.add(new Anomaly(detector, kind, carrier, subject));
    }

    private void control(String detector, String kind, Svc s) {
        controls.add(new Anomaly(detector, kind, s.carrier, s.id));
    }

    private List<Svc> pool(Predicate<Svc> which) {
        List<Svc> pool = new ArrayList<>(services.stream().filter(which).toList());
        Collections.shuffle(pool, random);
        return pool;
    }

    /** The next {@code count} services of the pool nobody has taken: each service carries one trap, so each finding has one cause. */
    private List<Svc> take(List<Svc> pool, int count) {
        List<Svc> chosen = new ArrayList<>();
        for (Svc s : pool) {
            if (chosen.size() == count) {
                break;
            }
            if (taken.add(s)) {
                chosen.add(s);
            }
        }
        return chosen;
    }

    private int pick(Set<Integer> bandwidths) {
        List<Integer> sorted = new ArrayList<>(bandwidths);
        return sorted.get(random.nextInt(sorted.size()));
    }

    private Svc service(String id) {
        return services.stream().filter(s -> s.id.equals(id)).findFirst().orElseThrow();
    }

    private static BigDecimal prorate(BigDecimal monthly, Period charged) {
        YearMonth month = YearMonth.from(charged.start());
        long all = month.lengthOfMonth();
        long days = ChronoUnit.DAYS.between(charged.start(), charged.end()) + 1;
        return days == all ? monthly : monthly.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(all), 2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal cents(int cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private SourcePosition next(String file) {
        int row = rowsOfFile.merge(file, 1, Integer::sum) + 1; // the export's header is row 1
        return SourcePosition.of(file, row, row);
    }

    // ---- GeneratedEnterprise -----------------------------------------------------------------------

    @Override
    public String generator() {
        return "adversarial";
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public int sites() {
        return sites;
    }

    @Override
    public List<ChargeLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    @Override
    public List<Contract> contracts() {
        return Collections.unmodifiableList(contracts);
    }

    @Override
    public List<ExpectedService> expectedInventory() {
        return Collections.unmodifiableList(expected);
    }

    @Override
    public List<ServiceOrder> orders() {
        return Collections.unmodifiableList(orders);
    }

    @Override
    public List<Benchmark> benchmarks() {
        return Collections.unmodifiableList(benchmarks);
    }

    @Override
    public List<Requirement> requirements() {
        return List.of();
    }

    @Override
    public GroundTruth groundTruth() {
        return new GroundTruth(anomalies, controls);
    }

    @Override
    public Map<String, BigDecimal> expectedAnnualSavings() {
        return Map.of();
    }

    @Override
    public Map<String, BigDecimal> expectedCredits() {
        return Map.of();
    }

    @Override
    public Map<String, Map<String, Integer>> expectedRequirementStatuses() {
        return Map.of();
    }
}
