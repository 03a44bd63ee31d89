package org.bridgeline.store.jdbc;

import java.util.List;
import java.util.function.Consumer;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.store.CategoryTotal;
import org.bridgeline.store.InventoryItem;
import org.bridgeline.store.InventoryPage;
import org.bridgeline.store.InventorySelection;
import org.bridgeline.store.MonthlySpend;
import org.bridgeline.store.Ledger;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredInvoice;

/** One tenant's ledger. */
final class SqlLedger implements Ledger {

    private final Database database;
    private final String tenant;

    SqlLedger(Database database, String tenant) {
        this.database = database;
        this.tenant = tenant;
    }

    @Override
    public List<StoredInvoice> invoices(LineQuery query) throws StoreException {
        return database.with(tenant, "cannot read invoices", c -> LedgerSql.invoices(c, tenant, query));
    }

    @Override
    public List<StoredInvoice> invoicesNumbered(String invoiceNumber) throws StoreException {
        return database.with(tenant, "cannot read invoices", c -> LedgerSql.invoicesNumbered(c, tenant, invoiceNumber));
    }

    @Override
    public void lines(LineQuery query, Consumer<ChargeLine> consumer) throws StoreException {
        database.stream(tenant, "cannot read charge lines", c -> LedgerSql.lines(c, tenant, query, consumer));
    }

    @Override
    public void linesOf(long invoiceId, Consumer<ChargeLine> consumer) throws StoreException {
        database.stream(tenant, "cannot read charge lines", c -> LedgerSql.linesOf(c, tenant, invoiceId, consumer));
    }

    @Override
    public List<CategoryTotal> totalsByCategory(LineQuery query) throws StoreException {
        return database.with(tenant, "cannot total charge lines", c -> LedgerSql.totalsByCategory(c, tenant, query));
    }

    @Override
    public List<InventoryItem> inventory(LineQuery query) throws StoreException {
        return database.with(tenant, "cannot derive the inventory", c -> LedgerSql.inventory(c, tenant, query));
    }

    @Override
    public InventoryPage inventory(InventorySelection selection, long offset, int limit) throws StoreException {
        return database.with(tenant, "cannot derive the inventory", c -> LedgerSql.inventory(c, tenant, selection, offset, limit));
    }

    @Override
    public List<MonthlySpend> monthlySpend(LineQuery query) throws StoreException {
        return database.with(tenant, "cannot total spend by month", c -> LedgerSql.monthlySpend(c, tenant, query));
    }

    @Override
    public String revision() throws StoreException {
        return database.with(tenant, "cannot read the book's revision", c -> LedgerSql.revision(c, tenant));
    }
}
