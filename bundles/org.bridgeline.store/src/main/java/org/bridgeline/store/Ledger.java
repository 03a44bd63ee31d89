package org.bridgeline.store;

import java.util.List;
import java.util.function.Consumer;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeLine;
import org.osgi.annotation.versioning.ProviderType;

/** One tenant's stored invoices and lines as operators list and export them, with their store ids. */
@ProviderType
public interface Ledger {

    /** Current invoices (no superseded revisions) matching the query, by date, carrier, number. */
    List<StoredInvoice> invoices(LineQuery query) throws StoreException;

    /** The current invoice with this number, if any (a number may recur across carriers: all match). */
    List<StoredInvoice> invoicesNumbered(String invoiceNumber) throws StoreException;

    /** Streams current lines matching the query, in invoice then source order. */
    void lines(LineQuery query, Consumer<ChargeLine> consumer) throws StoreException;

    /** Streams the lines of one stored invoice, in source order. */
    void linesOf(long invoiceId, Consumer<ChargeLine> consumer) throws StoreException;

    /** Totals of current lines by charge category and currency, in category order. */
    List<CategoryTotal> totalsByCategory(LineQuery query) throws StoreException;

    /** Services derived from current lines, by carrier, account, service. */
    List<InventoryItem> inventory(LineQuery query) throws StoreException;

    /**
     * At most {@code limit} services of a selection from the {@code offset}-th on (0 for the first), by
     * carrier, account and service, and how many match: a page of a large book, selected and counted
     * in the store.
     */
    InventoryPage inventory(InventorySelection selection, long offset, int limit) throws StoreException;

    /** What each carrier billed per month and currency, computed in the store, by month then carrier. */
    List<MonthlySpend> monthlySpend(LineQuery query) throws StoreException;

    /**
     * A value that changes whenever the tenant's bills, contracts, inventory, orders or requirements
     * change: a reader that derives something costly from the book keeps it while this stays the same.
     */
    String revision() throws StoreException;
}
