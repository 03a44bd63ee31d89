package org.bridgeline.store.jdbc;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.bridgeline.api.benchmark.BenchmarkCoverage;
import org.bridgeline.api.benchmark.BenchmarkQuery;
import org.bridgeline.api.detect.BilledPrice;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.DuplicateGroup;
import org.bridgeline.api.detect.IdleService;
import org.bridgeline.api.detect.InvoiceCodeTotal;
import org.bridgeline.api.detect.InvoiceTotal;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.detect.ServiceCostMove;
import org.bridgeline.api.detect.ServiceHistory;
import org.bridgeline.api.detect.ServiceMonth;
import org.bridgeline.api.detect.UsageByDestination;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.ProcurementPolicy;
import org.bridgeline.api.model.Requirement;
import org.bridgeline.api.model.ServiceOrder;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.store.Market;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredInvoice;

/**
 * One tenant's book of business as detectors read it, optionally narrowed to one carrier:
 * its data from the store's SQL, its benchmarks and policy from the caller's market. A store failure
 * surfaces as an unchecked exception that fails the detector that met it, not the audit.
 */
final class SqlBook implements BookOfBusiness {

    private final Database database;
    private final String tenant;
    private final String carrier;
    private final Market market;
    private volatile List<ExpectedService> inventory;
    /**
     * At most 32 MiB of rows kept for a second reader (at 10 M lines a carrier's latest histories are 16 to 32 MiB): an
     * audit's heap stays within its bound however many findings it streams, a larger carrier is read twice.
     */
    private final SharedPasses passes = new SharedPasses(32L << 20);

    SqlBook(Database database, String tenant, String carrier, Market market) {
        this.database = database;
        this.tenant = tenant;
        this.carrier = carrier;
        this.market = market;
    }

    /** The query, narrowed to this book's carrier. */
    private LineQuery narrow(LineQuery query) {
        if (carrier == null || query.carrier() != null) {
            return query;
        }
        return new LineQuery(carrier, query.account(), query.serviceId(), query.period(), query.category());
    }

    @Override
    public List<String> carriers() {
        List<String> carriers = read("cannot list carriers", c -> LedgerSql.carriers(c, tenant));
        return carrier == null ? carriers : carriers.stream().filter(carrier::equals).toList();
    }

    @Override
    public List<InvoiceHeader> invoices(LineQuery query) {
        return read("cannot read invoices", c -> LedgerSql.invoices(c, tenant, narrow(query))).stream().map(StoredInvoice::header).toList();
    }

    /** As the interface defines it, the latest day found by the store rather than by reading every invoice. */
    @Override
    public LineQuery latestMonths(String carrierName, int months) {
        LineQuery whole = narrow(LineQuery.carrier(carrierName));
        return read("cannot find the latest billing month", c -> LedgerSql.latestBilledDay(c, tenant, whole)).map(day -> {
            YearMonth last = YearMonth.from(day);
            return new LineQuery(carrierName, null, null, Period.of(last.minusMonths(months - 1L).atDay(1), last.atEndOfMonth()));
        }).orElse(LineQuery.carrier(carrierName));
    }

    @Override
    public void lines(LineQuery query, Consumer<ChargeLine> consumer) {
        stream("cannot read charge lines", c -> LedgerSql.lines(c, tenant, narrow(query), consumer));
    }

    @Override
    public void linesIn(LineQuery query, Set<ChargeCategory> categories, Consumer<ChargeLine> consumer) {
        if (query.category() != null) {
            throw new IllegalArgumentException("a query for several categories names no category of its own: " + query);
        }
        stream("cannot read charge lines", c -> LedgerSql.lines(c, tenant, narrow(query), Set.copyOf(categories), consumer));
    }

    @Override
    public void lines(LineQuery query, Collection<String> serviceIds, Consumer<ChargeLine> consumer) {
        stream("cannot read the lines of " + serviceIds.size() + " services",
                c -> Aggregates.linesOfServices(c, tenant, narrow(query), serviceIds, consumer));
    }

    @Override
    public List<ServiceMonth> serviceMonths(LineQuery query) {
        List<ServiceMonth> months = new ArrayList<>();
        serviceMonths(query, months::add);
        return months;
    }

    @Override
    public void serviceMonths(LineQuery query, Consumer<ServiceMonth> consumer) {
        stream("cannot total services by month", c -> Aggregates.serviceMonths(c, tenant, narrow(query), consumer));
    }

    @Override
    public void billedPrices(LineQuery query, Consumer<BilledPrice> consumer) {
        stream("cannot read billed prices", c -> Aggregates.billedPrices(c, tenant, narrow(query), consumer));
    }

    @Override
    public void invoiceTotals(LineQuery query, Consumer<InvoiceTotal> consumer) {
        stream("cannot total invoices", c -> Aggregates.invoiceTotals(c, tenant, narrow(query), consumer));
    }

    @Override
    public void invoiceCodeTotals(LineQuery query, Consumer<InvoiceCodeTotal> consumer) {
        stream("cannot total invoices by charge code", c -> Aggregates.invoiceCodeTotals(c, tenant, narrow(query), consumer));
    }

    @Override
    public void serviceCostMoves(LineQuery query, int minimumHistoryMonths, BigDecimal minimumChange, BigDecimal thresholdPercent,
            Consumer<ServiceCostMove> consumer) {
        stream("cannot judge service costs against their history", c -> Aggregates.serviceCostMoves(c, tenant, narrow(query),
                minimumHistoryMonths, minimumChange, thresholdPercent, consumer));
    }

    /** Two detectors ask for the same histories of each carrier's latest months: one pass serves both. */
    @Override
    public void serviceHistories(LineQuery query, Consumer<ServiceHistory> consumer) {
        LineQuery narrowed = narrow(query);
        Aggregates.HistoryRows histories = new Aggregates.HistoryRows(consumer);
        passes.read(narrowed, rows -> stream("cannot read service histories", c -> Aggregates.packedHistories(c, tenant, narrowed, rows)),
                histories);
        histories.finish();
    }

    @Override
    public void idleServices(LineQuery query, int months, Set<ServiceType> serviceTypes, Consumer<IdleService> consumer) {
        if (months < 1) {
            throw new IllegalArgumentException("an idle run is at least one month long, not " + months);
        }
        stream("cannot find idle services", c -> Aggregates.idleServices(c, tenant, narrow(query), months, serviceTypes, consumer));
    }

    @Override
    public Optional<YearMonth> latestChargedMonth(LineQuery query) {
        return read("cannot find the latest month charged", c -> Aggregates.latestChargedMonth(c, tenant, narrow(query)));
    }

    @Override
    public void usageByDestination(LineQuery query, Consumer<UsageByDestination> consumer) {
        stream("cannot total calls by number", c -> Aggregates.usageByDestination(c, tenant, narrow(query), consumer));
    }

    @Override
    public List<DuplicateGroup> duplicateCandidates(LineQuery query) {
        List<DuplicateGroup> groups = new ArrayList<>();
        duplicateCandidates(query, groups::add);
        return groups;
    }

    @Override
    public void duplicateCandidates(LineQuery query, Consumer<DuplicateGroup> consumer) {
        stream("cannot look for repeated charges", c -> Aggregates.duplicateCandidates(c, database, tenant, narrow(query), consumer));
    }

    @Override
    public List<Contract> contracts(String carrierName) {
        return read("cannot read contracts", c -> Inputs.contracts(c, tenant, carrierName != null ? carrierName : carrier));
    }

    /**
     * Read once per book: a book serves one operation (an audit's detectors, one package), whose
     * readers then share one copy of what may be hundreds of thousands of services.
     */
    @Override
    public List<ExpectedService> expectedInventory() {
        List<ExpectedService> read = inventory;
        if (read == null) {
            synchronized (this) {
                read = inventory;
                if (read == null) {
                    read = read("cannot read the expected inventory", c -> Inputs.expectedInventory(c, tenant)).stream()
                            .filter(service -> carrier == null || carrier.equals(service.carrier())).toList();
                    inventory = read;
                }
            }
        }
        return read;
    }

    @Override
    public List<ServiceOrder> orders(String carrierName) {
        return read("cannot read orders", c -> Inputs.orders(c, tenant, carrierName != null ? carrierName : carrier));
    }

    @Override
    public List<Requirement> requirements() {
        return read("cannot read the requirements", c -> Inputs.requirements(c, tenant));
    }

    @Override
    public ProcurementPolicy policy() {
        return market.policy();
    }

    @Override
    public List<Benchmark> benchmarks(BenchmarkQuery query) {
        return market.benchmarks(query);
    }

    @Override
    public List<BenchmarkCoverage> benchmarkCoverage() {
        return market.benchmarkCoverage();
    }

    private <T> T read(String failing, Database.Work<T> work) {
        try {
            return database.with(tenant, failing, work);
        } catch (StoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void stream(String failing, Database.Stream work) {
        try {
            database.stream(tenant, failing, work);
        } catch (StoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
