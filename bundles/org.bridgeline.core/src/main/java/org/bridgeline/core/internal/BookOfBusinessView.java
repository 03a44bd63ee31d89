package org.bridgeline.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.bridgeline.api.benchmark.BenchmarkCoverage;
import org.bridgeline.api.benchmark.BenchmarkProvider;
import org.bridgeline.api.benchmark.BenchmarkQuery;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.BilledPrice;
import org.bridgeline.api.detect.DuplicateGroup;
import org.bridgeline.api.detect.InvoiceTotal;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.detect.ServiceMonth;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.ProcurementPolicy;
import org.bridgeline.api.model.Requirement;
import org.bridgeline.store.BillStore;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredInvoice;

/**
 * A tenant's book of business as detectors see it: read-only, over the store, optionally
 * narrowed to one carrier. A store failure surfaces as an unchecked exception that fails the
 * detector that met it, not the audit.
 */
final class BookOfBusinessView implements BookOfBusiness {

    private final BillStore store;
    private final String tenant;
    private final String carrier;
    private final List<BenchmarkProvider> providers;
    private final ProcurementPolicy policy;

    BookOfBusinessView(BillStore store, String tenant, String carrier, List<BenchmarkProvider> providers, ProcurementPolicy policy) {
        this.store = store;
        this.tenant = tenant;
        this.carrier = carrier;
        this.providers = providers;
        this.policy = policy;
    }

    @Override
    public ProcurementPolicy policy() {
        return policy;
    }

    /** The query, narrowed to this view's carrier. */
    private LineQuery narrow(LineQuery query) {
        if (carrier == null || query.carrier() != null) {
            return query;
        }
        return new LineQuery(carrier, query.account(), query.serviceId(), query.period(), query.category());
    }

    @Override
    public List<String> carriers() {
        TreeSet<String> carriers = new TreeSet<>();
        invoices(LineQuery.ALL).forEach(header -> carriers.add(header.carrier()));
        return new ArrayList<>(carriers);
    }

    @Override
    public List<InvoiceHeader> invoices(LineQuery query) {
        return read(() -> store.invoices(tenant, narrow(query)).stream().map(StoredInvoice::header).toList());
    }

    @Override
    public void lines(LineQuery query, Consumer<ChargeLine> consumer) {
        run(() -> store.lines(tenant, narrow(query), consumer));
    }

    @Override
    public List<ServiceMonth> serviceMonths(LineQuery query) {
        return read(() -> store.serviceMonths(tenant, narrow(query)));
    }

    @Override
    public void serviceMonths(LineQuery query, Consumer<ServiceMonth> consumer) {
        run(() -> store.serviceMonths(tenant, narrow(query), consumer));
    }

    @Override
    public void lines(LineQuery query, Collection<String> serviceIds, Consumer<ChargeLine> consumer) {
        run(() -> store.lines(tenant, narrow(query), serviceIds, consumer));
    }

    @Override
    public void serviceHistories(LineQuery query, Consumer<org.bridgeline.api.detect.ServiceHistory> consumer) {
        run(() -> store.serviceHistories(tenant, narrow(query), consumer));
    }

    @Override
    public void billedPrices(LineQuery query, Consumer<BilledPrice> consumer) {
        run(() -> store.billedPrices(tenant, narrow(query), consumer));
    }

    @Override
    public void usageByDestination(LineQuery query, Consumer<org.bridgeline.api.detect.UsageByDestination> consumer) {
        run(() -> store.usageByDestination(tenant, narrow(query), consumer));
    }

    @Override
    public void invoiceTotals(LineQuery query, Consumer<InvoiceTotal> consumer) {
        run(() -> store.invoiceTotals(tenant, narrow(query), consumer));
    }

    @Override
    public List<DuplicateGroup> duplicateCandidates(LineQuery query) {
        return read(() -> store.duplicateCandidates(tenant, narrow(query)));
    }

    @Override
    public List<Contract> contracts(String carrierName) {
        return read(() -> store.contracts(tenant, carrierName != null ? carrierName : carrier));
    }

    @Override
    public List<org.bridgeline.api.model.ExpectedService> expectedInventory() {
        return read(() -> store.expectedInventory(tenant).stream().filter(service -> carrier == null || carrier.equals(service.carrier())).toList());
    }

    @Override
    public List<org.bridgeline.api.model.ServiceOrder> orders(String carrierName) {
        return read(() -> store.orders(tenant, carrierName != null ? carrierName : carrier));
    }

    @Override
    public List<Requirement> requirements() {
        return read(() -> store.requirements(tenant));
    }

    @Override
    public List<Benchmark> benchmarks(BenchmarkQuery query) {
        List<Benchmark> benchmarks = new ArrayList<>();
        for (BenchmarkProvider provider : providers) {
            try {
                benchmarks.addAll(provider.lookup(query));
            } catch (RuntimeException e) {
                // a failing provider answers nothing; the others still do
            }
        }
        benchmarks.sort(Comparator.comparing(Benchmark::providerId));
        return benchmarks;
    }

    @Override
    public List<BenchmarkCoverage> benchmarkCoverage() {
        List<BenchmarkCoverage> coverage = new ArrayList<>();
        for (BenchmarkProvider provider : providers) {
            try {
                coverage.add(provider.coverage());
            } catch (RuntimeException e) {
                // a failing provider covers nothing
            }
        }
        return coverage;
    }

    /** A store read whose failure fails the detector that made it, not the audit. */
    private interface StoreRead<T> {
        T get() throws StoreException;
    }

    private interface StoreStream {
        void run() throws StoreException;
    }

    private static <T> T read(StoreRead<T> read) {
        try {
            return read.get();
        } catch (StoreException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void run(StoreStream stream) {
        read(() -> {
            stream.run();
            return null;
        });
    }
}
