package org.bridgeline.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bridgeline.api.detect.DuplicateGroup;
import org.bridgeline.api.detect.BilledPrice;
import org.bridgeline.api.detect.InvoiceTotal;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.detect.ServiceMonth;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.InvoiceHeader;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where the book of business is kept. Every method names its tenant; until the hosted service
 * arrives there is one, {@link #DEFAULT_TENANT}. Methods may block while the database opens.
 */
@ProviderType
public interface BillStore {

    String DEFAULT_TENANT = "default";

    /** One line for {@code bl:status}: the database, where it is, and whether it is open. */
    String description();

    /** The import of this exact content, if it was imported before. */
    Optional<ImportRecord> findImport(String tenant, String contentHash) throws StoreException;

    /** Records that a file is being imported; returns the import id its invoices carry. */
    long beginImport(String tenant, String fileName, String contentHash, String parserId) throws StoreException;

    /** Records the counts of a finished import. An import that stored no invoice is forgotten, so it can be retried. */
    ImportRecord finishImport(String tenant, long importId) throws StoreException;

    /** Opens the transaction for one invoice. */
    InvoiceWriter writeInvoice(String tenant, long importId, InvoiceHeader header) throws StoreException;

    /** Current invoices (no superseded revisions) matching the query, by date, carrier, number. */
    List<StoredInvoice> invoices(String tenant, LineQuery query) throws StoreException;

    /** The current invoice with this number, if any (a number may recur across carriers: all match). */
    List<StoredInvoice> invoicesNumbered(String tenant, String invoiceNumber) throws StoreException;

    /** Streams the lines of current invoices matching the query, in invoice then source order. */
    void lines(String tenant, LineQuery query, Consumer<ChargeLine> consumer) throws StoreException;

    /** Streams the lines of the named services matching the query, by carrier, service, invoice and source order. */
    void lines(String tenant, LineQuery query, Collection<String> serviceIds, Consumer<ChargeLine> consumer) throws StoreException;

    /** Streams the lines of one stored invoice, in source order. */
    void linesOf(String tenant, long invoiceId, Consumer<ChargeLine> consumer) throws StoreException;

    /** Totals of current lines by charge category and currency, in category order. */
    List<CategoryTotal> totalsByCategory(String tenant, LineQuery query) throws StoreException;

    /** Services derived from current lines, by carrier, account, service. */
    List<InventoryItem> inventory(String tenant, LineQuery query) throws StoreException;

    /** Per service, month and charge category: the totals of current lines. */
    List<ServiceMonth> serviceMonths(String tenant, LineQuery query) throws StoreException;

    /** The same totals streamed, in carrier, account, service, month and category order. */
    void serviceMonths(String tenant, LineQuery query, Consumer<ServiceMonth> consumer) throws StoreException;

    /** Per service: its monthly totals per charge category, by carrier, account, service. */
    void serviceHistories(String tenant, LineQuery query, Consumer<org.bridgeline.api.detect.ServiceHistory> consumer)
            throws StoreException;

    /** Per service, charge code and price per unit: when it was billed at that price; by carrier, account, service, code, first day. */
    void billedPrices(String tenant, LineQuery query, Consumer<BilledPrice> consumer) throws StoreException;

    /** Per service and number dialled: what the calls cost and how long they lasted; by carrier, account, service, number. */
    void usageByDestination(String tenant, LineQuery query, Consumer<org.bridgeline.api.detect.UsageByDestination> consumer)
            throws StoreException;

    /** Per invoice, kind of service and charge category: the totals of current lines, by carrier, account, invoice. */
    void invoiceTotals(String tenant, LineQuery query, Consumer<InvoiceTotal> consumer) throws StoreException;

    /** Recurring and one-time lines repeating the same carrier, service, charge code, period and amount. */
    List<DuplicateGroup> duplicateCandidates(String tenant, LineQuery query) throws StoreException;

    /** Stores an audit run with its findings, in the order given; all or nothing. */
    AuditRunRecord saveAuditRun(String tenant, java.time.Instant started, List<String> detectors, List<Finding> findings)
            throws StoreException;

    /** The most recent audit run, if any. */
    Optional<AuditRunRecord> latestAuditRun(String tenant) throws StoreException;

    /** The findings of one audit run, in their stored order. */
    List<StoredFinding> findings(String tenant, long runId) throws StoreException;

    /** One finding by id. */
    Optional<StoredFinding> finding(String tenant, long findingId) throws StoreException;

    /** Stores contracts from one source; a contract already known (carrier and id) gets a new version. Returns how many. */
    int saveContracts(String tenant, String source, List<org.bridgeline.api.model.Contract> contracts) throws StoreException;

    /** The current version of every contract, or of one carrier's. */
    List<org.bridgeline.api.model.Contract> contracts(String tenant, String carrier) throws StoreException;

    /** Stores the expected inventory as a new version that replaces the last; returns the version. */
    int saveExpectedInventory(String tenant, String source, List<org.bridgeline.api.model.ExpectedService> services)
            throws StoreException;

    /** The current expected inventory, by carrier and service. */
    List<org.bridgeline.api.model.ExpectedService> expectedInventory(String tenant) throws StoreException;

    /** Stores IT's requirements as a new version replacing the previous; returns the version. */
    int saveRequirements(String tenant, String source, List<org.bridgeline.api.model.Requirement> requirements) throws StoreException;

    /** The current version of IT's requirements, in the order imported. */
    List<org.bridgeline.api.model.Requirement> requirements(String tenant) throws StoreException;

    /** Stores orders; an order already known (carrier and id) gets a new version. Returns how many. */
    int saveOrders(String tenant, String source, List<org.bridgeline.api.model.ServiceOrder> orders) throws StoreException;

    /** The current orders, by date; every carrier's when {@code carrier} is {@code null}. */
    List<org.bridgeline.api.model.ServiceOrder> orders(String tenant, String carrier) throws StoreException;

    /** Every import, newest first. */
    List<ImportRecord> imports(String tenant) throws StoreException;
}
