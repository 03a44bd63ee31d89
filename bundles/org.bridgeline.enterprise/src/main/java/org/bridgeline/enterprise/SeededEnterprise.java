package org.bridgeline.enterprise;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.bridgeline.api.model.BandwidthBand;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ContractRate;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.Requirement;
import org.bridgeline.api.model.ServiceOrder;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.api.model.SlaTerms;
import org.bridgeline.api.model.SourcePosition;

/**
 * A realistic enterprise, the same for the same seed: sites with DIA and Ethernet from one carrier,
 * MPLS and voice lines from a second, wireless lines from a third; twelve months of 2025 bills down
 * to usage, taxes and the federal USF line; contracts (the second carrier's ended mid-year and
 * renews itself), the expected inventory and the order history. Anomalies of every kind the shipped
 * detectors look for are injected at places drawn from the seed, each recorded in the ground
 * truth, beside near misses that must not be reported (a disconnect billed correctly to its
 * prorated day, a line with a little usage, a service at exactly its contracted price).
 */
public final class SeededEnterprise implements GeneratedEnterprise {

    /** One injected anomaly: the detector that must report it, its kind, and what it is about. */
    public record Anomaly(String detectorId, String kind, String carrier, String subject) {
    }

    /** A detector's findings set against the ground truth. */
    public record Score(String detectorId, int found, int truePositives, int expected) {
        public double precision() {
            return found == 0 ? (expected == 0 ? 1 : 0) : (double) truePositives / found;
        }

        public double recall() {
            return expected == 0 ? 1 : (double) truePositives / expected;
        }

        @Override
        public String toString() {
            return String.format("%-24s found %3d, expected %3d, precision %.3f, recall %.3f", detectorId, found, expected, precision(),
                    recall());
        }
    }

    public static final String ACME = "Acme Telecom";
    public static final String NORTHWIND = "Northwind Telecom";
    public static final String BLUEWAVE = "Bluewave Wireless";
    public static final int YEAR = 2025;

    private static final String USD = "USD";
    private static final Currency DOLLAR = Currency.getInstance(USD);
    private static final Map<Integer, String> DIA_PRICES = Map.of(50, "450.00", 100, "650.00", 200, "900.00", 500, "1500.00", 1000, "2200.00");
    private static final Map<Integer, String> ETH_PRICES = Map.of(10, "300.00", 100, "700.00", 1000, "1800.00");
    private static final Map<Integer, String> MPLS_PRICES = Map.of(10, "350.00", 20, "450.00", 50, "700.00", 100, "1000.00");
    private static final String POTS_PRICE = "45.00";
    /** The provider the illustrative table is served by, and how it is labelled. */
    public static final String BENCHMARK_PROVIDER = "benchmark-table";
    public static final String BENCHMARK_SOURCE = "Illustrative benchmark table of the seeded enterprise (not market data)";
    private static final String PLAN_PRICE = "60.00";
    /** Contribution factors of 2025 as the FCC published them, as the taxes detector ships them. */
    private static final BigDecimal[] FACTORS = {new BigDecimal("0.363"), new BigDecimal("0.366"), new BigDecimal("0.360"),
            new BigDecimal("0.381")};
    private static final BigDecimal STATE_TAX = new BigDecimal("0.04");

    /** A service of the enterprise, with what its bills must say about it. */
    private static final class Service {
        final String carrier;
        final String id;
        final String site;
        final ServiceType type;
        final Integer bandwidth;
        final String code;
        BigDecimal contracted;
        YearMonth priceFrom;            // from this month the price is `price` instead of `contracted`
        BigDecimal price;
        LocalDate disconnected;         // an order disconnects it on this day
        boolean billedAfterDisconnect;  // and the carrier keeps billing it
        boolean overContract;           // priced above its contract while in term
        boolean inInventory = true;
        final Set<YearMonth> duplicated = new LinkedHashSet<>();
        boolean idleAtTheEnd;           // no usage in the last three months
        boolean usageSpike;             // a usage spike in the last month
        boolean unrequestedFeature;
        boolean taxedWhileExempt;

        Service(String carrier, String id, String site, ServiceType type, Integer bandwidth, String code, String contracted) {
            this.carrier = carrier;
            this.id = id;
            this.site = site;
            this.type = type;
            this.bandwidth = bandwidth;
            this.code = code;
            this.contracted = new BigDecimal(contracted);
        }
    }

    private final Random random;
    private final long seed;
    private final int sites;
    private final List<ChargeLine> lines = new ArrayList<>();
    private final List<Contract> contracts = new ArrayList<>();
    private final List<ExpectedService> expected = new ArrayList<>();
    private final List<ServiceOrder> orders = new ArrayList<>();
    private final List<Benchmark> benchmarks = new ArrayList<>();
    private final Map<String, BigDecimal> savings = new TreeMap<>();
    private final Map<String, BigDecimal> credits = new TreeMap<>();
    private final Map<Anomaly, BigDecimal> owed = new LinkedHashMap<>();
    private LaterBills later;
    private final List<Requirement> requirements = new ArrayList<>();
    private final Map<String, Map<String, Integer>> requirementStatuses = new TreeMap<>();
    private final List<Anomaly> truth = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final Map<String, Service> byId = new LinkedHashMap<>();
    private final Map<String, Integer> rowsOfFile = new LinkedHashMap<>();

    private SeededEnterprise(long seed, int sites) {
        this.random = new Random(seed);
        this.seed = seed;
        this.sites = sites;
    }

    /** The enterprise of a seed, with {@code sites} sites (25 make about 8,000 charge lines). */
    public static SeededEnterprise generate(long seed, int sites) {
        SeededEnterprise enterprise = new SeededEnterprise(seed, sites);
        enterprise.build(sites);
        return enterprise;
    }

    /** Every charge line of the twelve months of bills, in invoice then source order. */
    public List<ChargeLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    /** One contract per carrier. */
    public List<Contract> contracts() {
        return Collections.unmodifiableList(contracts);
    }

    /** The services the enterprise believes it has. */
    public List<ExpectedService> expectedInventory() {
        return Collections.unmodifiableList(expected);
    }

    /** Installs and disconnects. */
    public List<ServiceOrder> orders() {
        return Collections.unmodifiableList(orders);
    }

    /** Every injected anomaly. */
    public List<Anomaly> truth() {
        return Collections.unmodifiableList(truth);
    }

    @Override
    public String generator() {
        return "seeded";
    }

    /** The anomalies; its near misses are not recorded as controls. */
    @Override
    public GroundTruth groundTruth() {
        return new GroundTruth(truth, List.of());
    }

    /** What a finding is about: its service, or for a bill-level finding the invoice of its first cited line. */
    public static String subjectOf(Finding finding) {
        if (finding.serviceId() != null) {
            return finding.serviceId();
        }
        return finding.evidence().isEmpty() ? "" : finding.evidence().get(0).invoiceNumber();
    }

    /** Scores one detector's findings against the anomalies injected for it. */
    public Score score(String detectorId, List<Finding> findings) {
        return score(truth, detectorId, findings);
    }

    /** Scores one detector's findings against a ground truth, such as one read back from its file. */
    public static Score score(List<Anomaly> truth, String detectorId, List<Finding> findings) {
        Set<Anomaly> expected = truth.stream().filter(a -> a.detectorId().equals(detectorId)).collect(Collectors.toSet());
        Set<Anomaly> found = findings.stream().filter(f -> f.detectorId().equals(detectorId))
                .map(f -> new Anomaly(f.detectorId(), f.kind(), f.carrier(), subjectOf(f))).collect(Collectors.toSet());
        int hits = (int) found.stream().filter(expected::contains).count();
        return new Score(detectorId, found.size(), hits, expected.size());
    }

    /** Every detector's score: those that ran and those the truth expects, by detector id. */
    public static List<Score> scores(List<Anomaly> truth, List<String> detectorsRun, List<Finding> findings) {
        TreeSet<String> detectors = new TreeSet<>(detectorsRun);
        truth.forEach(anomaly -> detectors.add(anomaly.detectorId()));
        return detectors.stream().map(detector -> score(truth, detector, findings)).toList();
    }

    /** The seed the enterprise was drawn from. */
    public long seed() {
        return seed;
    }

    /** How many sites it has. */
    public int sites() {
        return sites;
    }

    private void build(int sites) {
        for (int s = 1; s <= sites; s++) {
            String site = String.format("SITE-%03d", s);
            int dia = pick(DIA_PRICES.keySet());
            services.add(new Service(ACME, "DIA-" + s, site, ServiceType.DIA, dia, "DIA" + dia, DIA_PRICES.get(dia)));
            int eth = pick(ETH_PRICES.keySet());
            services.add(new Service(ACME, "ETH-" + s, site, ServiceType.ETHERNET, eth, "ETH" + eth, ETH_PRICES.get(eth)));
            int mpls = pick(MPLS_PRICES.keySet());
            services.add(new Service(NORTHWIND, "MPLS-" + s, site, ServiceType.MPLS, mpls, "MPLS" + mpls, MPLS_PRICES.get(mpls)));
            for (int v = 1; v <= 4; v++) {
                services.add(new Service(NORTHWIND, String.format("555-%03d-%d", s, v), site, ServiceType.VOICE_LINE, null, "POTS",
                        POTS_PRICE));
            }
            for (int w = 1; w <= 6; w++) {
                services.add(new Service(BLUEWAVE, String.format("917-%03d-%d", s, w), site, ServiceType.WIRELESS, null, "WLPLAN",
                        PLAN_PRICE));
            }
        }
        services.forEach(s -> byId.put(s.id, s));
        signContracts();
        inject();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(YEAR, m);
            for (String carrier : List.of(ACME, NORTHWIND, BLUEWAVE)) {
                bill(carrier, month);
            }
        }
        inventoryAndOrders();
        benchmarkTable();
        requirements(sites);
    }

    /**
     * IT's requirements for 2026, each site described whole: every kind of service it has today at
     * today's bandwidth, except a few DIA upgrades and one site that gives up its voice lines; and
     * two new sites. The statuses a package should give them are recorded per carrier.
     */
    private void requirements(int sites) {
        List<String> siteNames = services.stream().map(s -> s.site).distinct().toList();
        List<String> shuffled = new ArrayList<>(siteNames);
        Collections.shuffle(shuffled, random);
        Set<String> upgrades = new LinkedHashSet<>(shuffled.subList(0, Math.min(3, shuffled.size())));
        String noVoice = shuffled.size() > 3 ? shuffled.get(3) : null;
        LocalDate neededBy = LocalDate.of(YEAR + 1, 3, 31);
        SlaTerms sla = new SlaTerms(new BigDecimal("99.95"), java.time.Duration.ofHours(4), null);
        for (String site : siteNames) {
            // a service disconnected during the year (and no longer billed) is no requirement
            List<Service> current = services.stream().filter(s -> s.site.equals(site) && (s.disconnected == null || s.billedAfterDisconnect))
                    .toList();
            for (ServiceType type : List.of(ServiceType.DIA, ServiceType.ETHERNET, ServiceType.MPLS, ServiceType.VOICE_LINE,
                    ServiceType.WIRELESS)) {
                List<Service> ofType = current.stream().filter(s -> s.type == type).toList();
                if (ofType.isEmpty()) {
                    continue;
                }
                Service first = ofType.get(0);
                if (type == ServiceType.VOICE_LINE && site.equals(noVoice)) {
                    status(first.carrier, "NOT_NEEDED", ofType.size());
                    continue;
                }
                boolean upgrade = type == ServiceType.DIA && upgrades.contains(site) && first.bandwidth < 1000;
                Integer bandwidth = upgrade ? Integer.valueOf(nextSpeed(first.bandwidth)) : first.bandwidth;
                requirements.add(new Requirement(site, type, bandwidth == null ? null : BigDecimal.valueOf(bandwidth), neededBy, sla,
                        upgrade ? "more bandwidth for video" : null));
                status(first.carrier, upgrade ? "UPGRADE" : "MET", 1);
            }
        }
        for (int n = 1; n <= 2; n++) {
            for (ServiceType type : List.of(ServiceType.DIA, ServiceType.MPLS)) {
                requirements.add(new Requirement("SITE-NEW-" + n, type, BigDecimal.valueOf(type == ServiceType.DIA ? 500 : 50),
                        LocalDate.of(YEAR + 1, 6, 30), sla, "new office"));
                for (String carrier : List.of(ACME, NORTHWIND, BLUEWAVE)) {
                    status(carrier, "NEW", 1); // nobody serves a new site: every carrier may bid
                }
            }
        }
    }

    private static int nextSpeed(int bandwidth) {
        return new TreeSet<>(DIA_PRICES.keySet()).higher(bandwidth);
    }

    private void status(String carrier, String status, int count) {
        requirementStatuses.computeIfAbsent(carrier, k -> new TreeMap<>()).merge(status, count, Integer::sum);
    }

    /** IT's requirements: each existing site described whole, and two new sites. */
    public List<Requirement> requirements() {
        return Collections.unmodifiableList(requirements);
    }

    /** Per carrier, how many requirements a package should show as NEW, UPGRADE and MET, and how many services NOT_NEEDED. */
    public Map<String, Map<String, Integer>> expectedRequirementStatuses() {
        return Collections.unmodifiableMap(requirementStatuses);
    }

    /** What the illustrative market pays, as a share of the contracted price: DIA and MPLS got cheaper, the rest did not much. */
    private static final Map<ServiceType, String[]> MARKET = Map.of(
            ServiceType.DIA, new String[] {"0.80", "0.90", "1.05"},
            ServiceType.ETHERNET, new String[] {"0.97", "1.02", "1.10"},
            ServiceType.MPLS, new String[] {"0.70", "0.82", "0.95"},
            ServiceType.VOICE_LINE, new String[] {"0.89", "0.96", "1.07"},
            ServiceType.WIRELESS, new String[] {"0.64", "0.75", "0.90"});
    /** The above-benchmark detector's defaults, which the ground truth assumes. */
    private static final BigDecimal ABOVE_PERCENT = BigDecimal.TEN;
    private static final BigDecimal ABOVE_ANNUAL = BigDecimal.valueOf(600);

    /**
     * An illustrative benchmark table for the enterprise's services (labelled as such: not market
     * data), and the ground truth it implies: the services whose December price lies at least 10 %
     * and 600 a year above the table's p25.
     */
    private void benchmarkTable() {
        Map<ServiceType, Map<Integer, String>> priced = Map.of(ServiceType.DIA, DIA_PRICES, ServiceType.ETHERNET, ETH_PRICES,
                ServiceType.MPLS, MPLS_PRICES, ServiceType.VOICE_LINE, Map.of(0, POTS_PRICE), ServiceType.WIRELESS, Map.of(0, PLAN_PRICE));
        for (ServiceType type : List.of(ServiceType.DIA, ServiceType.ETHERNET, ServiceType.MPLS, ServiceType.VOICE_LINE, ServiceType.WIRELESS)) {
            List<Integer> speeds = new ArrayList<>(new TreeSet<>(priced.get(type).keySet()));
            for (int i = 0; i < speeds.size(); i++) {
                BigDecimal price = new BigDecimal(priced.get(type).get(speeds.get(i)));
                String[] shares = MARKET.get(type);
                BandwidthBand band = speeds.get(i) == 0 ? BandwidthBand.ANY : new BandwidthBand(BigDecimal.valueOf(speeds.get(i)),
                        i + 1 < speeds.size() ? BigDecimal.valueOf(speeds.get(i + 1)) : null);
                benchmarks.add(new Benchmark(type, band, "*", 36, share(price, shares[0]), share(price, shares[1]), share(price, shares[2]),
                        null, 40 + 10 * i, BENCHMARK_PROVIDER, BENCHMARK_SOURCE, LocalDate.of(YEAR, 9, 30)));
            }
        }
        YearMonth december = YearMonth.of(YEAR, 12);
        Map<String, BigDecimal> decemberPrice = new LinkedHashMap<>();
        for (ChargeLine line : lines) {
            if (line.category() == ChargeCategory.RECURRING && YearMonth.from(line.chargedOn()).equals(december)) {
                decemberPrice.merge(line.serviceId(), line.amount().amount(), BigDecimal::add);
            }
        }
        for (Service s : services) {
            BigDecimal price = decemberPrice.get(s.id);
            if (price == null) {
                continue;
            }
            BigDecimal target = target(s).amount();
            BigDecimal over = price.subtract(target);
            savings.merge(s.carrier, over.max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(12)), BigDecimal::add);
            if (over.multiply(BigDecimal.valueOf(100)).compareTo(target.multiply(ABOVE_PERCENT)) >= 0
                    && over.multiply(BigDecimal.valueOf(12)).compareTo(ABOVE_ANNUAL) >= 0) {
                expect("above-benchmark", "above-benchmark", s);
            }
        }
    }

    private Money target(Service s) {
        return benchmarks.stream().filter(b -> b.serviceType() == s.type
                && (s.bandwidth == null || b.band().contains(BigDecimal.valueOf(s.bandwidth)))).findFirst().orElseThrow().p25();
    }

    private static Money share(BigDecimal price, String share) {
        return new Money(price.multiply(new BigDecimal(share)).setScale(2, RoundingMode.HALF_EVEN), DOLLAR);
    }

    private void credit(Anomaly anomaly, BigDecimal amount) {
        credits.merge(anomaly.carrier(), amount, BigDecimal::add);
        owed.merge(anomaly, amount, BigDecimal::add);
    }

    /** Per anomaly that overbilled, what it overbilled in all: the credit a dispute of it claims, in the order injected. */
    public Map<Anomaly, BigDecimal> owedCredits() {
        return Collections.unmodifiableMap(owed);
    }

    /**
     * Per carrier, what the injected overbilling adds up to: charges above contract, duplicates,
     * charges after a disconnect (prorated by day), USF above its cap, late fees and tax on exempt
     * services; the credits a negotiation package should claim.
     */
    public Map<String, BigDecimal> expectedCredits() {
        return Collections.unmodifiableMap(credits);
    }

    /**
     * January and February of the next year: the carriers' next two bills, and on them credits for some
     * of the overbilling, as carriers pay disputes, with what each credit settles (see {@link LaterBills}).
     */
    public synchronized LaterBills laterBills() {
        if (later == null) {
            later = LaterBills.of(this);
        }
        return later;
    }

    /** The carriers' bills of the months after the year, as {@link #lines()} bills the year; nothing of the year changes. */
    List<ChargeLine> billsAfterTheYear(int months) {
        int lineMark = lines.size();
        int truthMark = truth.size();
        Map<String, BigDecimal> creditsBefore = new TreeMap<>(credits);
        Map<Anomaly, BigDecimal> owedBefore = new LinkedHashMap<>(owed);
        for (int m = 1; m <= months; m++) {
            for (String carrier : List.of(ACME, NORTHWIND, BLUEWAVE)) {
                bill(carrier, YearMonth.of(YEAR + 1, m));
            }
        }
        List<ChargeLine> after = new ArrayList<>(lines.subList(lineMark, lines.size()));
        lines.subList(lineMark, lines.size()).clear();
        truth.subList(truthMark, truth.size()).clear();
        credits.clear();
        credits.putAll(creditsBefore);
        owed.clear();
        owed.putAll(owedBefore);
        return after;
    }

    /** The services of a carrier no anomaly touches, by id: where a carrier may put a credit by mistake. */
    List<String> untouchedServices(String carrier) {
        Set<String> touched = truth.stream().map(Anomaly::subject).collect(Collectors.toSet());
        return services.stream().filter(s -> s.carrier.equals(carrier) && s.disconnected == null && !touched.contains(s.id))
                .map(s -> s.id).toList();
    }

    /** A service's recurring charge code and kind, for a credit line naming it. */
    String chargeCodeOf(String serviceId) {
        return byId.get(serviceId).code;
    }

    ServiceType typeOf(String serviceId) {
        return byId.get(serviceId).type;
    }

    String siteOf(String serviceId) {
        return byId.get(serviceId).site;
    }

    /** The illustrative benchmark table: one row per service type and bandwidth band, term 36 months. */
    public List<Benchmark> benchmarks() {
        return Collections.unmodifiableList(benchmarks);
    }

    /**
     * Per carrier, what paying every current service at its benchmark's p25 saves a year: the sum
     * of (December price − p25) × 12 where positive.
     */
    public Map<String, BigDecimal> expectedAnnualSavings() {
        return Collections.unmodifiableMap(savings);
    }

    /**
     * The three contracts. Against the default procurement policy (36 months at most, no automatic
     * renewal, SLA credits, 99.9 % and 4 hours): Acme's runs 48 months, Northwind's renews itself
     * and has no SLA; Bluewave's complies.
     */
    private void signContracts() {
        SlaTerms sla = new SlaTerms(new BigDecimal("99.9"), java.time.Duration.ofHours(4), BigDecimal.TEN);
        contracts.add(new Contract(ACME, "ACME-MSA-2024", Period.of(LocalDate.of(2024, 1, 1), LocalDate.of(2027, 12, 31)), false, 0,
                null, rates(ServiceType.DIA, "DIA", DIA_PRICES, ServiceType.ETHERNET, "ETH", ETH_PRICES), sla));
        truth.add(new Anomaly("contract-policy", "policy-breach", ACME, ""));
        List<ContractRate> northwind = new ArrayList<>(rates(ServiceType.MPLS, "MPLS", MPLS_PRICES, null, null, Map.of()));
        northwind.add(new ContractRate(ServiceType.VOICE_LINE, "POTS", null, ChargeCategory.RECURRING, Money.of(POTS_PRICE, USD), null));
        contracts.add(new Contract(NORTHWIND, "NW-2023-117", Period.of(LocalDate.of(2023, 7, 1), LocalDate.of(2025, 6, 30)), true, 0,
                null, northwind, null));
        truth.add(new Anomaly("contract-policy", "policy-breach", NORTHWIND, ""));
        contracts.add(new Contract(BLUEWAVE, "BW-CORP-9", Period.of(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31)), false, 0,
                null, List.of(new ContractRate(ServiceType.WIRELESS, "WLPLAN", null, ChargeCategory.RECURRING, Money.of(PLAN_PRICE, USD),
                        null)), sla));
    }

    private static List<ContractRate> rates(ServiceType first, String firstPrefix, Map<Integer, String> firstPrices, ServiceType second,
            String secondPrefix, Map<Integer, String> secondPrices) {
        List<ContractRate> rates = new ArrayList<>();
        new TreeMap<>(firstPrices).forEach((bandwidth, price) -> rates.add(new ContractRate(first, firstPrefix + bandwidth,
                BigDecimal.valueOf(bandwidth), ChargeCategory.RECURRING, Money.of(price, USD), null)));
        new TreeMap<>(secondPrices).forEach((bandwidth, price) -> rates.add(new ContractRate(second, secondPrefix + bandwidth,
                BigDecimal.valueOf(bandwidth), ChargeCategory.RECURRING, Money.of(price, USD), null)));
        return rates;
    }

    /** Draws the services each anomaly lands on; no service carries two, so each finding has one cause. */
    private void inject() {
        List<Service> circuits = shuffled(s -> s.carrier.equals(ACME));
        List<Service> mpls = shuffled(s -> s.type == ServiceType.MPLS);
        List<Service> usageLines = shuffled(s -> s.type == ServiceType.VOICE_LINE || s.type == ServiceType.WIRELESS);
        List<Service> any = shuffled(s -> true);
        Set<Service> taken = new LinkedHashSet<>();

        for (Service s : take(circuits, taken, count())) {
            s.priceFrom = YearMonth.of(YEAR, 1 + random.nextInt(12));
            s.price = uplift(s.contracted);
            s.overContract = true;
            expect("rate-above-contract", "rate-above-contract", s);
        }
        for (Service s : take(mpls, taken, count())) {
            s.priceFrom = YearMonth.of(YEAR, 7 + random.nextInt(6)); // after the term's end on 30 June
            s.price = uplift(s.contracted);
            expect("out-of-term-pricing", "out-of-term-pricing", s);
        }
        for (Service s : take(any, taken, count())) {
            s.duplicated.add(YearMonth.of(YEAR, 1 + random.nextInt(11)));
            expect("duplicate-charges", "duplicate-charge", s);
        }
        List<Service> disconnectable = shuffled(s -> s.type == ServiceType.DIA || s.type == ServiceType.ETHERNET
                || s.type == ServiceType.MPLS);
        for (Service s : take(disconnectable, taken, count())) {
            s.disconnected = YearMonth.of(YEAR, 3 + random.nextInt(7)).atDay(5 + random.nextInt(20));
            s.billedAfterDisconnect = true;
            expect("billed-after-disconnect", "billed-after-disconnect", s);
        }
        for (Service s : take(disconnectable, taken, count())) { // near misses: billed to the day, then no more
            s.disconnected = YearMonth.of(YEAR, 3 + random.nextInt(7)).atDay(5 + random.nextInt(20));
        }
        for (Service s : take(usageLines, taken, count())) {
            s.idleAtTheEnd = true;
            expect("zero-usage", "zero-usage", s);
        }
        for (Service s : take(usageLines, taken, count())) {
            s.usageSpike = true;
            expect("cost-variance", "cost-variance", s);
        }
        for (Service s : take(circuits, taken, count())) {
            s.unrequestedFeature = true;
            expect("unrequested-features", "unrequested-feature", s);
        }
        for (Service s : take(shuffled(s -> s.type == ServiceType.DIA), taken, 2)) {
            s.taxedWhileExempt = true;
            expect("taxes-and-surcharges", "tax-on-exempt-service", s);
        }
        for (Service s : take(any, taken, count())) {
            s.inInventory = false;
            expect("inventory-mismatch", "billed-not-in-inventory", s);
        }
        for (int i = 1; i <= 2; i++) {
            String phantom = "MPLS-GONE-" + i;
            expected.add(new ExpectedService(NORTHWIND, phantom, "SITE-OLD-" + i, ServiceType.MPLS, new BigDecimal("50"), "ACTIVE"));
            truth.add(new Anomaly("inventory-mismatch", "expected-not-billed", NORTHWIND, phantom));
        }
    }

    private int count() {
        return 3 + random.nextInt(4);
    }

    private BigDecimal uplift(BigDecimal price) {
        // 10 to 20 percent: a price step, yet under the 25 percent a variance detector reports
        return price.multiply(BigDecimal.valueOf(110 + random.nextInt(11))).movePointLeft(2).setScale(2, RoundingMode.HALF_EVEN);
    }

    private void expect(String detector, String kind, Service s) {
        truth.add(new Anomaly(detector, kind, s.carrier, s.id));
    }

    private List<Service> shuffled(Predicate<Service> which) {
        List<Service> pool = services.stream().filter(which).collect(Collectors.toCollection(ArrayList::new));
        Collections.shuffle(pool, random);
        return pool;
    }

    private static List<Service> take(List<Service> pool, Set<Service> taken, int count) {
        List<Service> chosen = new ArrayList<>();
        for (Service s : pool) {
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
        List<Integer> sorted = new ArrayList<>(new TreeSet<>(bandwidths));
        return sorted.get(random.nextInt(sorted.size()));
    }

    /** One carrier's invoice for a month: every service's lines, then taxes on what was billed. */
    private void bill(String carrier, YearMonth month) {
        String invoice = carrier.substring(0, 2).toUpperCase() + "-" + month;
        String account = carrier.substring(0, 2).toUpperCase() + "-ACCT-1";
        String file = carrier.toLowerCase().replace(' ', '-') + "-" + month + ".edi";
        Period period = Period.of(month.atDay(1), month.atEndOfMonth());
        List<ChargeLine> billed = new ArrayList<>();
        for (Service s : services) {
            if (!s.carrier.equals(carrier)) {
                continue;
            }
            Period charged = period;
            if (s.disconnected != null && !s.billedAfterDisconnect) {
                if (YearMonth.from(s.disconnected).isBefore(month)) {
                    continue;
                }
                if (YearMonth.from(s.disconnected).equals(month)) {
                    charged = Period.of(month.atDay(1), s.disconnected); // billed to the day, correctly
                }
            }
            BigDecimal unit = s.priceFrom != null && !month.isBefore(s.priceFrom) ? s.price : s.contracted;
            BigDecimal amount = prorate(unit, charged, period);
            billed.add(line(file, carrier, account, invoice, month, s, ChargeCategory.RECURRING, s.code, s.type + " service", unit, amount,
                    charged));
            if (s.overContract && !month.isBefore(s.priceFrom)) {
                credit(new Anomaly("rate-above-contract", "rate-above-contract", carrier, s.id), unit.subtract(s.contracted));
            }
            if (s.billedAfterDisconnect && !month.isBefore(YearMonth.from(s.disconnected))) {
                // owed back: the days after the disconnect, the month it took effect prorated by day
                credit(new Anomaly("billed-after-disconnect", "billed-after-disconnect", carrier, s.id), month.equals(YearMonth.from(s.disconnected)) ? amount.multiply(BigDecimal.valueOf(
                        ChronoUnit.DAYS.between(s.disconnected, charged.end()))).divide(BigDecimal.valueOf(charged.days()), 2,
                        RoundingMode.HALF_EVEN) : amount);
            }
            if (s.duplicated.contains(month)) {
                credit(new Anomaly("duplicate-charges", "duplicate-charge", carrier, s.id), amount);
                billed.add(line(file, carrier, account, invoice, month, s, ChargeCategory.RECURRING, s.code, s.type + " service", unit,
                        amount, charged));
            }
            if (s.unrequestedFeature) {
                BigDecimal fee = new BigDecimal("25.00");
                billed.add(line(file, carrier, account, invoice, month, s, ChargeCategory.RECURRING, "STATICIP", "Static IP block", fee,
                        fee, charged));
            }
            if (s.type == ServiceType.VOICE_LINE || s.type == ServiceType.WIRELESS) {
                boolean idle = s.idleAtTheEnd && month.getMonthValue() >= 10;
                if (!idle) {
                    BigDecimal usage = cents(100 + random.nextInt(400));
                    if (s.usageSpike && month.getMonthValue() == 12) {
                        usage = cents(15_000 + random.nextInt(20_000));
                    }
                    billed.add(line(file, carrier, account, invoice, month, s, ChargeCategory.USAGE,
                            s.type == ServiceType.WIRELESS ? "DATA" : "LD", "usage", null, usage, charged));
                }
            }
        }
        // state sales tax on each taxable line, as an 811's TXI puts it: internet access is exempt,
        // except on the services drawn to be taxed anyway
        for (ChargeLine line : billed) {
            lines.add(line);
            Service s = byId.get(line.serviceId());
            if (s.type != ServiceType.DIA || s.taxedWhileExempt) {
                BigDecimal rate = s.type == ServiceType.DIA ? new BigDecimal("0.06") : STATE_TAX;
                BigDecimal tax = line.amount().amount().multiply(rate).setScale(2, RoundingMode.HALF_EVEN);
                lines.add(stateTax(line, tax, next(file)));
                if (s.type == ServiceType.DIA) {
                    credit(new Anomaly("taxes-and-surcharges", "tax-on-exempt-service", carrier, s.id), tax);
                }
            }
        }
        taxes(file, carrier, account, invoice, month, period, billed);
    }

    /** The bill's federal USF line: under its cap, except on the invoices drawn to carry too much. */
    private void taxes(String file, String carrier, String account, String invoice, YearMonth month, Period period, List<ChargeLine> billed) {
        BigDecimal interstate = BigDecimal.ZERO;
        for (ChargeLine line : billed) {
            if (line.serviceType() == ServiceType.DIA) {
                continue; // internet access: no USF
            }
            interstate = interstate.add(line.amount().amount().multiply(AdversarialEnterprise.interstateShare(line)));
        }
        BigDecimal cap = interstate.multiply(FACTORS[(month.getMonthValue() - 1) / 3]).setScale(2, RoundingMode.HALF_EVEN);
        boolean overcharged = random.nextInt(12) == 0;
        BigDecimal usf = cap.multiply(BigDecimal.valueOf(overcharged ? 110 + random.nextInt(20) : 70 + random.nextInt(25)))
                .movePointLeft(2).setScale(2, RoundingMode.HALF_EVEN);
        lines.add(accountLine(file, carrier, account, invoice, month, period, ChargeCategory.SURCHARGE, "FUSF",
                "Federal Universal Service Fee", usf));
        if (overcharged) {
            credit(new Anomaly("taxes-and-surcharges", "usf-above-cap", carrier, invoice), usf.subtract(cap));
            truth.add(new Anomaly("taxes-and-surcharges", "usf-above-cap", carrier, invoice));
        }
        if (random.nextInt(18) == 0) {
            BigDecimal fee = cents(2_500 + random.nextInt(12_500));
            lines.add(accountLine(file, carrier, account, invoice, month, period, ChargeCategory.ADJUSTMENT, "LATEFEE",
                    "Late payment charge", fee));
            credit(new Anomaly("late-fees", "late-fee", carrier, invoice), fee);
            truth.add(new Anomaly("late-fees", "late-fee", carrier, invoice));
        } else if (random.nextInt(6) == 0) { // a near miss: an adjustment that is no penalty
            lines.add(accountLine(file, carrier, account, invoice, month, period, ChargeCategory.ADJUSTMENT, "ADJ", "Billing adjustment",
                    cents(-(500 + random.nextInt(5_000)))));
        }
    }

    private void inventoryAndOrders() {
        int order = 1;
        for (Service s : services) {
            orders.add(new ServiceOrder("ORD-" + order++, s.carrier, s.id, ServiceOrder.Kind.INSTALL, LocalDate.of(2023, 3, 1), null));
            if (s.disconnected != null) {
                orders.add(new ServiceOrder("ORD-" + order++, s.carrier, s.id, ServiceOrder.Kind.DISCONNECT, s.disconnected, null));
            }
            if (s.inInventory) {
                expected.add(new ExpectedService(s.carrier, s.id, s.site, s.type,
                        s.bandwidth == null ? null : BigDecimal.valueOf(s.bandwidth), s.disconnected != null ? "DISCONNECTED" : "ACTIVE"));
            }
        }
    }

    private static BigDecimal prorate(BigDecimal monthly, Period charged, Period month) {
        if (charged.equals(month)) {
            return monthly;
        }
        long days = ChronoUnit.DAYS.between(charged.start(), charged.end()) + 1;
        long all = ChronoUnit.DAYS.between(month.start(), month.end()) + 1;
        return monthly.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(all), 2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal cents(int cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private ChargeLine line(String file, String carrier, String account, String invoice, YearMonth month, Service s, ChargeCategory category,
            String code, String description, BigDecimal unitPrice, BigDecimal amount, Period charged) {
        ChargeLine.Builder builder = ChargeLine.builder().carrier(carrier).account(account).invoiceNumber(invoice)
                .invoiceDate(month.atEndOfMonth()).billingPeriod(Period.of(month.atDay(1), month.atEndOfMonth())).chargePeriod(charged)
                .serviceId(s.id).site(s.site).serviceType(s.type).category(category).chargeCode(code).description(description)
                .amount(new Money(amount, DOLLAR)).source(next(file));
        if (unitPrice != null) {
            builder.quantity(BigDecimal.ONE).unitPrice(new Money(unitPrice, DOLLAR));
        }
        if (s.bandwidth != null && category == ChargeCategory.RECURRING) {
            builder.bandwidthMbps(BigDecimal.valueOf(s.bandwidth));
        }
        return builder.build();
    }

    /** A state tax on a line, with the line's service, site and period: what the 811 parser makes of a TXI. */
    static ChargeLine stateTax(ChargeLine taxed, BigDecimal amount, SourcePosition source) {
        return taxed.toBuilder().category(ChargeCategory.TAX).chargeCode("ST").tax("ST", "NY").description("ST on " + taxed.description())
                .quantity(null).unit(null).unitPrice(null).usage(null, null).amount(new Money(amount, taxed.amount().currency()))
                .source(source).build();
    }

    private ChargeLine accountLine(String file, String carrier, String account, String invoice, YearMonth month, Period period,
            ChargeCategory category, String code, String description, BigDecimal amount) {
        return ChargeLine.builder().carrier(carrier).account(account).invoiceNumber(invoice).invoiceDate(month.atEndOfMonth())
                .billingPeriod(period).category(category).chargeCode(code).description(description)
                .amount(new Money(amount, DOLLAR)).source(next(file)).build();
    }

    private SourcePosition next(String file) {
        int row = rowsOfFile.merge(file, 1, Integer::sum);
        return SourcePosition.of(file, row, row);
    }
}
