package org.bridgeline.api.detect;

import java.util.List;
import java.util.function.Consumer;
import org.bridgeline.api.benchmark.BenchmarkQuery;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.ServiceOrder;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Requirement;
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

    /** Streams matching charge lines to the consumer, in invoice then source order. */
    void lines(LineQuery query, Consumer<ChargeLine> consumer);

    /** What each service cost per month and charge category, computed in the store; by carrier, account, service, month, category. */
    List<ServiceMonth> serviceMonths(LineQuery query);

    /**
     * The same totals one at a time, in carrier, account, service, month and category order: a
     * detector that judges a service from its own months holds one service, not the book.
     */
    void serviceMonths(LineQuery query, Consumer<ServiceMonth> consumer);

    /** Groups of recurring and one-time lines that repeat the same charge, computed in the store. */
    List<DuplicateGroup> duplicateCandidates(LineQuery query);

    /** Contracts with a carrier, or every contract when {@code carrier} is {@code null}. */
    List<Contract> contracts(String carrier);

    /** The services the enterprise believes it has, by carrier and service id. */
    List<ExpectedService> expectedInventory();

    /** Installs, changes and disconnects, by date; every order when {@code carrier} is {@code null}. */
    List<ServiceOrder> orders(String carrier);

    /** IT's stated future requirements. */
    List<Requirement> requirements();

    /** The benchmarks every registered provider offers for the query, best first. */
    List<Benchmark> benchmarks(BenchmarkQuery query);
}
