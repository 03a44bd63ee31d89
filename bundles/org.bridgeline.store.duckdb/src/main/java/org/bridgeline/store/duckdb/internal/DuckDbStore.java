package org.bridgeline.store.duckdb.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.store.BillStore;
import org.bridgeline.store.CategoryTotal;
import org.bridgeline.store.ImportRecord;
import org.bridgeline.store.InventoryItem;
import org.bridgeline.store.InvoiceWriter;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredInvoice;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The embedded default store: a DuckDB file in data/. The database opens on a background
 * thread (its native library takes about a second to load the first time), never on the
 * runtime's start-up path; calls wait for it.
 */
@Component(service = BillStore.class, configurationPid = "org.bridgeline.store.duckdb")
public final class DuckDbStore implements BillStore {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.store");
    private static final long OPEN_TIMEOUT_SECONDS = 120;

    /** Configuration {@code org.bridgeline.store.duckdb}. */
    public @interface Config {
        /** The database file; empty for {@code bridgeline.data}/bridgeline.duckdb. */
        String path() default "";
    }

    private final Path file;
    private final CompletableFuture<DuckDBConnection> database;
    /** Imports resumed after a crash: their invoices already stored are kept, not stored again. */
    private final java.util.Set<Long> resumedImports = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Activate
    public DuckDbStore(BundleContext context, Config config) {
        this(config.path().isBlank()
                ? Path.of(Optional.ofNullable(context.getProperty("bridgeline.data")).orElse("data"), "bridgeline.duckdb")
                : Path.of(config.path()));
    }

    DuckDbStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.database = new CompletableFuture<>();
        Thread opener = new Thread(this::open, "bridgeline-store-open");
        opener.setDaemon(true);
        opener.start();
    }

    private void open() {
        long started = System.nanoTime();
        try {
            Files.createDirectories(file.getParent());
            Connection connection = new DuckDBDriver().connect("jdbc:duckdb:" + file, new Properties());
            int version = Migrations.migrate(connection);
            LOG.info("store open: DuckDB " + file + ", schema version " + version + ", in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            database.complete((DuckDBConnection) connection);
        } catch (SQLException | IOException | RuntimeException | LinkageError e) {
            LOG.severe("store cannot open " + file + ": " + e.getMessage());
            database.completeExceptionally(e);
        }
    }

    @Deactivate
    void close() {
        database.thenAccept(connection -> {
            try {
                connection.close();
                LOG.info("store closed: " + file);
            } catch (SQLException e) {
                LOG.warning("store did not close cleanly: " + e.getMessage());
            }
        });
        try {
            database.get(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS); // let an open in progress finish, then it closes above
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // nothing open to close
        }
    }

    private DuckDBConnection db() throws StoreException {
        try {
            return database.get(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while the database at " + file + " opens");
        } catch (ExecutionException e) {
            throw new StoreException("the database at " + file + " cannot be opened: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new StoreException("the database at " + file + " did not open within " + OPEN_TIMEOUT_SECONDS + " s");
        }
    }

    /** A connection of the caller's own: DuckDB connections are not shared between threads. */
    private Connection connection() throws StoreException {
        try {
            return db().duplicate();
        } catch (SQLException e) {
            throw new StoreException("the database at " + file + " refused a connection: " + e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        String state = database.isDone() ? database.isCompletedExceptionally() ? "failed to open (see the log)" : "open" : "opening";
        return "DuckDB " + file + " (" + state + ")";
    }

    @Override
    public Optional<ImportRecord> findImport(String tenant, String contentHash) throws StoreException {
        List<ImportRecord> found = queryImports(tenant, "AND content_hash = ? AND finished", contentHash);
        return found.stream().findFirst();
    }

    @Override
    public long beginImport(String tenant, String fileName, String contentHash, String parserId) throws StoreException {
        try (Connection connection = connection()) {
            // an earlier import of the same content that did not finish is resumed, not started over
            try (PreparedStatement unfinished = connection.prepareStatement(
                    "SELECT import_id FROM bl_import WHERE tenant = ? AND content_hash = ? AND NOT finished")) {
                unfinished.setString(1, tenant);
                unfinished.setString(2, contentHash);
                try (ResultSet row = unfinished.executeQuery()) {
                    if (row.next()) {
                        resumedImports.add(row.getLong(1));
                        return row.getLong(1);
                    }
                }
            }
            long importId;
            try (Statement statement = connection.createStatement();
                    ResultSet next = statement.executeQuery("SELECT nextval('bl_import_seq')")) {
                next.next();
                importId = next.getLong(1);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bl_import (tenant, import_id, file_name, "
                    + "content_hash, parser_id, imported_at, invoices, line_count, finished) VALUES (?, ?, ?, ?, ?, ?, 0, 0, FALSE)")) {
                insert.setString(1, tenant);
                insert.setLong(2, importId);
                insert.setString(3, fileName);
                insert.setString(4, contentHash);
                insert.setString(5, parserId);
                insert.setTimestamp(6, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            return importId;
        } catch (SQLException e) {
            throw failure("cannot record the import of " + fileName, e);
        }
    }

    @Override
    public ImportRecord finishImport(String tenant, long importId) throws StoreException {
        try (Connection connection = connection()) {
            List<ImportRecord> records = queryImports(tenant, "AND import_id = ?", importId);
            if (records.isEmpty()) {
                throw new StoreException("no import " + importId);
            }
            ImportRecord record = records.get(0);
            resumedImports.remove(importId);
            String sql = record.invoices() == 0 ? "DELETE FROM bl_import WHERE tenant = ? AND import_id = ?"
                    : "UPDATE bl_import SET finished = TRUE WHERE tenant = ? AND import_id = ?";
            try (PreparedStatement finish = connection.prepareStatement(sql)) {
                finish.setString(1, tenant);
                finish.setLong(2, importId);
                finish.executeUpdate();
            }
            return record;
        } catch (SQLException e) {
            throw failure("cannot finish import " + importId, e);
        }
    }

    @Override
    public InvoiceWriter writeInvoice(String tenant, long importId, InvoiceHeader header) throws StoreException {
        if (resumedImports.contains(importId)) {
            Optional<StoredInvoice> stored = readInvoices("SELECT " + Rows.INVOICE_COLUMNS + " FROM bl_invoice i WHERE i.tenant = ? "
                    + "AND i.import_id = ? AND i.carrier = ? AND i.account = ? AND i.invoice_number = ?",
                    List.of(tenant, importId, header.carrier(), header.account(), header.number())).stream().findFirst();
            if (stored.isPresent()) {
                return new AlreadyStoredWriter(stored.get());
            }
        }
        try {
            return new DuckDbInvoiceWriter(db(), tenant, importId, header);
        } catch (SQLException e) {
            throw failure("cannot begin invoice " + header.number(), e);
        }
    }

    @Override
    public List<ImportRecord> imports(String tenant) throws StoreException {
        return queryImports(tenant, "");
    }

    private List<ImportRecord> queryImports(String tenant, String condition, Object... parameters) throws StoreException {
        try (Connection connection = connection();
                PreparedStatement query = connection.prepareStatement("SELECT import_id, file_name, content_hash, parser_id, "
                        + "imported_at, invoices, line_count FROM bl_import WHERE tenant = ? " + condition
                        + " ORDER BY import_id DESC")) {
            query.setString(1, tenant);
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 2, parameters[i]);
            }
            List<ImportRecord> records = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    records.add(new ImportRecord(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getTimestamp(5).toInstant(), row.getLong(6), row.getLong(7)));
                }
            }
            return records;
        } catch (SQLException e) {
            throw failure("cannot read imports", e);
        }
    }

    @Override
    public List<StoredInvoice> invoices(String tenant, LineQuery query) throws StoreException {
        Filter filter = Filter.of(tenant, query, "i");
        String sql = "SELECT " + Rows.INVOICE_COLUMNS + " FROM bl_invoice i WHERE " + filter.sql()
                + (query.serviceId() == null ? "" : " AND EXISTS (SELECT 1 FROM bl_charge_line l WHERE l.tenant = i.tenant "
                        + "AND l.invoice_id = i.invoice_id AND l.service_id = ?)")
                + " ORDER BY i.invoice_date, i.carrier, i.invoice_number";
        List<Object> parameters = new ArrayList<>(filter.parameters());
        if (query.serviceId() != null) {
            parameters.add(query.serviceId());
        }
        return readInvoices(sql, parameters);
    }

    @Override
    public List<StoredInvoice> invoicesNumbered(String tenant, String invoiceNumber) throws StoreException {
        return readInvoices("SELECT " + Rows.INVOICE_COLUMNS + " FROM bl_invoice i WHERE i.tenant = ? AND i.superseded_by = 0 "
                + "AND i.invoice_number = ? ORDER BY i.carrier, i.account", List.of(tenant, invoiceNumber));
    }

    private List<StoredInvoice> readInvoices(String sql, List<Object> parameters) throws StoreException {
        try (Connection connection = connection(); PreparedStatement query = prepare(connection, sql, parameters);
                ResultSet row = query.executeQuery()) {
            List<StoredInvoice> invoices = new ArrayList<>();
            while (row.next()) {
                invoices.add(Rows.invoice(row));
            }
            return invoices;
        } catch (SQLException e) {
            throw failure("cannot read invoices", e);
        }
    }

    @Override
    public void lines(String tenant, LineQuery query, Consumer<ChargeLine> consumer) throws StoreException {
        Filter filter = Filter.of(tenant, query, "i");
        String sql = "SELECT " + Rows.LINE_COLUMNS + " FROM bl_charge_line l JOIN bl_invoice i ON l.tenant = i.tenant "
                + "AND l.invoice_id = i.invoice_id WHERE " + filter.sql() + (query.serviceId() == null ? "" : " AND l.service_id = ?")
                + (query.category() == null ? "" : " AND l.category = ?")
                + " ORDER BY i.invoice_date, i.invoice_id, l.line_no";
        List<Object> parameters = new ArrayList<>(filter.parameters());
        if (query.serviceId() != null) {
            parameters.add(query.serviceId());
        }
        if (query.category() != null) {
            parameters.add(query.category().name());
        }
        streamLines(sql, parameters, consumer);
    }

    @Override
    public void linesOf(String tenant, long invoiceId, Consumer<ChargeLine> consumer) throws StoreException {
        streamLines("SELECT " + Rows.LINE_COLUMNS + " FROM bl_charge_line l WHERE l.tenant = ? AND l.invoice_id = ? "
                + "ORDER BY l.line_no", List.of(tenant, invoiceId), consumer);
    }

    private void streamLines(String sql, List<Object> parameters, Consumer<ChargeLine> consumer) throws StoreException {
        try (Connection connection = connection(); PreparedStatement query = prepare(connection, sql, parameters);
                ResultSet row = query.executeQuery()) {
            while (row.next()) {
                consumer.accept(Rows.line(row));
            }
        } catch (SQLException e) {
            throw failure("cannot read charge lines", e);
        }
    }

    @Override
    public List<CategoryTotal> totalsByCategory(String tenant, LineQuery query) throws StoreException {
        Filter filter = Filter.of(tenant, query, "i");
        String sql = "SELECT l.category, l.currency, SUM(l.amount) AS total, COUNT(*) FROM bl_charge_line l JOIN bl_invoice i "
                + "ON l.tenant = i.tenant AND l.invoice_id = i.invoice_id WHERE " + filter.sql()
                + " GROUP BY l.category, l.currency";
        List<CategoryTotal> totals = new ArrayList<>();
        try (Connection connection = connection(); PreparedStatement statement = prepare(connection, sql, filter.parameters());
                ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                totals.add(new CategoryTotal(ChargeCategory.valueOf(row.getString(1)),
                        new Money(Rows.decimal(row, "total"), Currency.getInstance(row.getString(2))), row.getLong(4)));
            }
        } catch (SQLException e) {
            throw failure("cannot total charge lines", e);
        }
        totals.sort(java.util.Comparator.comparing(CategoryTotal::category)
                .thenComparing(total -> total.total().currency().getCurrencyCode()));
        return totals;
    }

    @Override
    public List<InventoryItem> inventory(String tenant, LineQuery query) throws StoreException {
        Filter filter = Filter.of(tenant, query, "i");
        String current = "SELECT l.* FROM bl_charge_line l JOIN bl_invoice i ON l.tenant = i.tenant AND l.invoice_id = i.invoice_id "
                + "WHERE " + filter.sql() + " AND l.service_id IS NOT NULL" + (query.serviceId() == null ? "" : " AND l.service_id = ?");
        List<Object> parameters = new ArrayList<>(filter.parameters());
        if (query.serviceId() != null) {
            parameters.add(query.serviceId());
        }
        // one pass in SQL: per service its span, size, bandwidth, and the recurring and usage cost of its latest invoice
        String sql = "WITH cur AS (" + current + "), latest AS (SELECT carrier, account, service_id, MAX(invoice_date) AS last_date "
                + "FROM cur GROUP BY carrier, account, service_id) "
                + "SELECT c.carrier, c.account, c.service_id, MAX(c.site) AS site, MIN(c.service_type) AS service_type, "
                + "MIN(c.invoice_date) AS first_billed, MAX(c.invoice_date) AS last_billed, MAX(c.currency) AS currency, "
                + "SUM(CASE WHEN c.invoice_date = t.last_date AND c.category = 'RECURRING' THEN c.amount ELSE 0 END) AS recurring, "
                + "SUM(CASE WHEN c.invoice_date = t.last_date AND c.category = 'USAGE' THEN c.amount ELSE 0 END) AS usage_cost, "
                + "COUNT(*) AS line_count, MAX(c.bandwidth_mbps) AS bandwidth "
                + "FROM cur c JOIN latest t ON c.carrier = t.carrier AND c.account = t.account AND c.service_id = t.service_id "
                + "GROUP BY c.carrier, c.account, c.service_id ORDER BY c.carrier, c.account, c.service_id";
        Map<String, InventoryItem> items = new LinkedHashMap<>();
        Map<String, TreeSet<String>> codes = new LinkedHashMap<>();
        try (Connection connection = connection()) {
            try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    Currency currency = Currency.getInstance(row.getString("currency"));
                    String key = row.getString(1) + "\u0000" + row.getString(2) + "\u0000" + row.getString(3);
                    codes.put(key, new TreeSet<>());
                    items.put(key, new InventoryItem(row.getString(1), row.getString(2), row.getString(3), row.getString("site"),
                            ServiceType.valueOf(row.getString("service_type")), Rows.date(row, "first_billed"),
                            Rows.date(row, "last_billed"), new Money(Rows.decimal(row, "recurring"), currency),
                            new Money(Rows.decimal(row, "usage_cost"), currency), row.getLong("line_count"), List.of(),
                            Rows.decimal(row, "bandwidth")));
                }
            }
            try (PreparedStatement statement = prepare(connection, "SELECT DISTINCT carrier, account, service_id, charge_code "
                    + "FROM (" + current + ") c WHERE charge_code IS NOT NULL", parameters); ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    codes.get(row.getString(1) + "\u0000" + row.getString(2) + "\u0000" + row.getString(3)).add(row.getString(4));
                }
            }
        } catch (SQLException e) {
            throw failure("cannot derive the inventory", e);
        }
        List<InventoryItem> inventory = new ArrayList<>();
        items.forEach((key, item) -> inventory.add(new InventoryItem(item.carrier(), item.account(), item.serviceId(), item.site(),
                item.serviceType(), item.firstBilled(), item.lastBilled(), item.monthlyRecurring(), item.usage(), item.lines(),
                List.copyOf(codes.get(key)), item.bandwidthMbps())));
        return inventory;
    }

    @Override
    public List<org.bridgeline.api.detect.ServiceMonth> serviceMonths(String tenant, LineQuery query) throws StoreException {
        List<org.bridgeline.api.detect.ServiceMonth> months = new ArrayList<>();
        serviceMonths(tenant, query, months::add);
        return months;
    }

    @Override
    public void serviceMonths(String tenant, LineQuery query, Consumer<org.bridgeline.api.detect.ServiceMonth> consumer)
            throws StoreException {
        streamWith("cannot total services by month", connection -> Aggregates.serviceMonths(connection, tenant, query, consumer));
    }

    @Override
    public void lines(String tenant, LineQuery query, java.util.Collection<String> serviceIds, Consumer<ChargeLine> consumer)
            throws StoreException {
        streamWith("cannot read the lines of " + serviceIds.size() + " services",
                connection -> Aggregates.linesOfServices(connection, tenant, query, serviceIds, consumer));
    }

    @Override
    public void serviceHistories(String tenant, LineQuery query, Consumer<org.bridgeline.api.detect.ServiceHistory> consumer)
            throws StoreException {
        streamWith("cannot read service histories", connection -> Aggregates.serviceHistories(connection, tenant, query, consumer));
    }

    @Override
    public void billedPrices(String tenant, LineQuery query, Consumer<org.bridgeline.api.detect.BilledPrice> consumer)
            throws StoreException {
        streamWith("cannot read billed prices", connection -> Aggregates.billedPrices(connection, tenant, query, consumer));
    }

    @Override
    public void usageByDestination(String tenant, LineQuery query, Consumer<org.bridgeline.api.detect.UsageByDestination> consumer)
            throws StoreException {
        streamWith("cannot total calls by number", connection -> Aggregates.usageByDestination(connection, tenant, query, consumer));
    }

    @Override
    public void invoiceTotals(String tenant, LineQuery query, Consumer<org.bridgeline.api.detect.InvoiceTotal> consumer)
            throws StoreException {
        streamWith("cannot total invoices", connection -> Aggregates.invoiceTotals(connection, tenant, query, consumer));
    }

    @Override
    public List<org.bridgeline.api.detect.DuplicateGroup> duplicateCandidates(String tenant, LineQuery query) throws StoreException {
        return withConnection("cannot look for repeated charges", connection -> Aggregates.duplicateCandidates(connection, tenant, query));
    }

    @Override
    public org.bridgeline.store.AuditRunRecord saveAuditRun(String tenant, Instant started, List<String> detectors,
            List<org.bridgeline.api.model.Finding> findings) throws StoreException {
        return withConnection("cannot store the audit run", connection -> AuditRuns.save(connection, tenant, started, detectors, findings));
    }

    @Override
    public Optional<org.bridgeline.store.AuditRunRecord> latestAuditRun(String tenant) throws StoreException {
        return withConnection("cannot read audit runs", connection -> AuditRuns.latest(connection, tenant));
    }

    @Override
    public List<org.bridgeline.store.StoredFinding> findings(String tenant, long runId) throws StoreException {
        return withConnection("cannot read findings", connection ->
                AuditRuns.read(connection, "f.tenant = ? AND f.run_id = ?", List.of(tenant, runId)));
    }

    @Override
    public Optional<org.bridgeline.store.StoredFinding> finding(String tenant, long findingId) throws StoreException {
        return withConnection("cannot read finding " + findingId, connection ->
                AuditRuns.read(connection, "f.tenant = ? AND f.finding_id = ?", List.of(tenant, findingId)).stream().findFirst());
    }

    @Override
    public int saveContracts(String tenant, String source, List<org.bridgeline.api.model.Contract> contracts) throws StoreException {
        return withConnection("cannot store the contracts of " + source, connection ->
                Inputs.saveContracts(connection, tenant, source, contracts));
    }

    @Override
    public List<org.bridgeline.api.model.Contract> contracts(String tenant, String carrier) throws StoreException {
        return withConnection("cannot read contracts", connection -> Inputs.contracts(connection, tenant, carrier));
    }

    @Override
    public int saveExpectedInventory(String tenant, String source, List<org.bridgeline.api.model.ExpectedService> services)
            throws StoreException {
        return withConnection("cannot store the inventory of " + source, connection ->
                Inputs.saveExpectedInventory(connection, tenant, source, services));
    }

    @Override
    public int saveRequirements(String tenant, String source, List<org.bridgeline.api.model.Requirement> requirements)
            throws StoreException {
        return withConnection("cannot store the requirements", connection -> Inputs.saveRequirements(connection, tenant, source, requirements));
    }

    @Override
    public List<org.bridgeline.api.model.Requirement> requirements(String tenant) throws StoreException {
        return withConnection("cannot read the requirements", connection -> Inputs.requirements(connection, tenant));
    }

    @Override
    public List<org.bridgeline.api.model.ExpectedService> expectedInventory(String tenant) throws StoreException {
        return withConnection("cannot read the expected inventory", connection -> Inputs.expectedInventory(connection, tenant));
    }

    @Override
    public int saveOrders(String tenant, String source, List<org.bridgeline.api.model.ServiceOrder> orders) throws StoreException {
        return withConnection("cannot store the orders of " + source, connection -> Inputs.saveOrders(connection, tenant, source, orders));
    }

    @Override
    public List<org.bridgeline.api.model.ServiceOrder> orders(String tenant, String carrier) throws StoreException {
        return withConnection("cannot read orders", connection -> Inputs.orders(connection, tenant, carrier));
    }

    static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof java.time.LocalDate date) {
                statement.setDate(i + 1, java.sql.Date.valueOf(date));
            } else if (value == null) {
                statement.setNull(i + 1, java.sql.Types.NULL);
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }

    /** A unit of work on its own connection. */
    @FunctionalInterface
    private interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException, StoreException;
    }

    /** Runs the work on a connection of its own; a database error names what failed. */
    /** Work that streams its results to a consumer, on its own connection. */
    private interface ConnectionStream {
        void run(Connection connection) throws SQLException;
    }

    private void streamWith(String failing, ConnectionStream work) throws StoreException {
        withConnection(failing, connection -> {
            work.run(connection);
            return null;
        });
    }

    private <T> T withConnection(String failing, ConnectionWork<T> work) throws StoreException {
        try (Connection connection = connection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(failing, e);
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException(what + ": " + e.getMessage().lines().findFirst().orElse("database error"), e);
    }

    Path file() {
        return file;
    }
}
