package org.bridgeline.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.time.YearMonth;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.store.CategoryTotal;
import org.bridgeline.store.InventoryItem;
import org.bridgeline.store.InventoryPage;
import org.bridgeline.store.InventorySelection;
import org.bridgeline.store.MonthlySpend;
import org.bridgeline.store.StoredInvoice;

/** The read role's SQL for stored invoices and lines: what operators list and what the book streams. */
final class LedgerSql {

    private LedgerSql() {
    }

    /** Current invoices matching the query, by date, carrier, number. */
    static List<StoredInvoice> invoices(Connection connection, String tenant, LineQuery query) throws SQLException {
        Filter filter = Filter.of(tenant, query, "i");
        String sql = "SELECT " + Rows.INVOICE_COLUMNS + " FROM bl_invoice i WHERE " + filter.sql()
                + (query.serviceId() == null ? "" : " AND EXISTS (SELECT 1 FROM bl_charge_line l WHERE l.tenant = i.tenant "
                        + "AND l.invoice_id = i.invoice_id AND l.service_id = ?)")
                + " ORDER BY i.invoice_date, i.carrier, i.invoice_number";
        List<Object> parameters = new ArrayList<>(filter.parameters());
        if (query.serviceId() != null) {
            parameters.add(query.serviceId());
        }
        return invoices(connection, sql, parameters);
    }

    static List<StoredInvoice> invoicesNumbered(Connection connection, String tenant, String invoiceNumber) throws SQLException {
        return invoices(connection, "SELECT " + Rows.INVOICE_COLUMNS + " FROM bl_invoice i WHERE i.tenant = ? AND i.superseded_by = 0 "
                + "AND i.invoice_number = ? ORDER BY i.carrier, i.account", List.of(tenant, invoiceNumber));
    }

    static List<StoredInvoice> invoices(Connection connection, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement query = Jdbc.prepare(connection, sql, parameters); ResultSet row = query.executeQuery()) {
            List<StoredInvoice> invoices = new ArrayList<>();
            while (row.next()) {
                invoices.add(Rows.invoice(row));
            }
            return invoices;
        }
    }

    /** The carriers with a current invoice, sorted. */
    static List<String> carriers(Connection connection, String tenant) throws SQLException {
        List<String> carriers = new ArrayList<>();
        try (PreparedStatement query = Jdbc.prepare(connection, "SELECT DISTINCT carrier FROM bl_invoice WHERE tenant = ? AND superseded_by = 0 "
                + "ORDER BY carrier", List.of(tenant)); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                carriers.add(row.getString(1));
            }
        }
        return carriers;
    }

    /** The latest day the current invoices of the query's carrier bill for (billing period's end, else the invoice date), if any. */
    static java.util.Optional<java.time.LocalDate> latestBilledDay(Connection connection, String tenant, LineQuery query) throws SQLException {
        Filter filter = Filter.of(tenant, new LineQuery(query.carrier(), null, null, null, null), "i");
        try (PreparedStatement statement = Jdbc.prepare(connection, "SELECT MAX(COALESCE(i.period_end, i.invoice_date)) FROM bl_invoice i WHERE "
                + filter.sql(), filter.parameters()); ResultSet row = statement.executeQuery()) {
            row.next();
            java.sql.Date day = row.getDate(1);
            return java.util.Optional.ofNullable(day).map(java.sql.Date::toLocalDate);
        }
    }

    /** Streams current lines matching the query, in invoice then source order. */
    static void lines(Connection connection, String tenant, LineQuery query, Consumer<ChargeLine> consumer) throws SQLException {
        lines(connection, tenant, query, query.category() == null ? null : Set.of(query.category()), consumer);
    }

    /** The lines matching the query of any of the categories, or of every category for {@code null}. */
    static void lines(Connection connection, String tenant, LineQuery query, Set<ChargeCategory> categories, Consumer<ChargeLine> consumer)
            throws SQLException {
        if (categories != null && categories.isEmpty()) {
            return;
        }
        Filter filter = Filter.of(tenant, query, "i");
        List<Object> parameters = new ArrayList<>(filter.parameters());
        StringBuilder where = new StringBuilder(filter.sql());
        if (query.serviceId() != null) {
            where.append(" AND l.service_id = ?");
            parameters.add(query.serviceId());
        }
        if (categories != null) {
            where.append(" AND l.category IN (").append(String.join(", ", Collections.nCopies(categories.size(), "?"))).append(')');
            categories.stream().map(ChargeCategory::name).sorted().forEach(parameters::add);
        }
        // the lines read from their tables (the invoice joined once), placed by their invoice's date
        String sql = "SELECT " + Rows.LINE_COLUMNS + " FROM (SELECT " + Aggregates.CHARGE_LINE_COLUMNS + ", i.invoice_date AS placed_on "
                + "FROM " + Aggregates.LINES_AND_INVOICES + " WHERE " + where + ") l ORDER BY l.placed_on, l.invoice_id, l.line_no";
        stream(connection, sql, parameters, consumer);
    }

    static void linesOf(Connection connection, String tenant, long invoiceId, Consumer<ChargeLine> consumer) throws SQLException {
        stream(connection, "SELECT " + Rows.LINE_COLUMNS + " FROM bl_charge_line l WHERE l.tenant = ? AND l.invoice_id = ? ORDER BY l.line_no",
                List.of(tenant, invoiceId), consumer);
    }

    private static void stream(Connection connection, String sql, List<Object> parameters, Consumer<ChargeLine> consumer) throws SQLException {
        try (PreparedStatement query = Jdbc.prepare(connection, sql, parameters); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                consumer.accept(Rows.line(row));
            }
        }
    }

    static List<CategoryTotal> totalsByCategory(Connection connection, String tenant, LineQuery query) throws SQLException {
        Filter filter = Filter.of(tenant, query, "i");
        String sql = "SELECT l.category, l.currency, SUM(l.amount) AS total, COUNT(*) FROM bl_charge_line l JOIN bl_invoice i "
                + "ON l.tenant = i.tenant AND l.invoice_id = i.invoice_id WHERE " + filter.sql() + " GROUP BY l.category, l.currency";
        List<CategoryTotal> totals = new ArrayList<>();
        try (PreparedStatement statement = Jdbc.prepare(connection, sql, filter.parameters()); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                totals.add(new CategoryTotal(ChargeCategory.valueOf(row.getString(1)),
                        new Money(Rows.decimal(row, "total"), Currency.getInstance(row.getString(2))), row.getLong(4)));
            }
        }
        totals.sort(Comparator.comparing(CategoryTotal::category).thenComparing(total -> total.total().currency().getCurrencyCode()));
        return totals;
    }

    /** What each carrier billed per month and currency, by month then carrier. */
    static List<MonthlySpend> monthlySpend(Connection connection, String tenant, LineQuery query) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String current = Aggregates.currentLines(Filter.of(tenant, query, "i"), query, parameters);
        String chargedOn = Aggregates.CHARGED_ON;
        String sql = "SELECT EXTRACT(YEAR FROM " + chargedOn + ") AS y, EXTRACT(MONTH FROM " + chargedOn + ") AS m, c.carrier, c.currency, "
                + "SUM(c.amount), COUNT(*) FROM (" + current + ") c GROUP BY y, m, c.carrier, c.currency ORDER BY y, m, c.carrier, c.currency";
        List<MonthlySpend> spend = new ArrayList<>();
        try (PreparedStatement statement = Jdbc.prepare(connection, sql, parameters); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                spend.add(new MonthlySpend(row.getString(3), YearMonth.of(row.getInt(1), row.getInt(2)),
                        new Money(Rows.decimal(row.getBigDecimal(5)), Currency.getInstance(row.getString(4))), row.getLong(6)));
            }
        }
        return spend;
    }

    /**
     * A page of the inventory: the services of the selection are picked, counted and cut to the page
     * on their keys first, so only the page's services are aggregated over their lines.
     */
    static InventoryPage inventory(Connection connection, String tenant, InventorySelection selection, long offset, int limit)
            throws SQLException {
        if (offset < 0) {
            throw new IllegalArgumentException("offset: expected 0 or more, found " + offset);
        }
        LineQuery query = selection.query();
        Filter filter = Filter.of(tenant, query, "i");
        List<Object> parameters = new ArrayList<>(filter.parameters());
        StringBuilder keys = new StringBuilder("SELECT l.carrier, l.account, l.service_id FROM bl_charge_line l JOIN bl_invoice i "
                + "ON l.tenant = i.tenant AND l.invoice_id = i.invoice_id WHERE ").append(filter.sql()).append(" AND l.service_id IS NOT NULL");
        if (query.serviceId() != null) {
            keys.append(" AND l.service_id = ?");
            parameters.add(query.serviceId());
        }
        keys.append(" GROUP BY l.carrier, l.account, l.service_id");
        List<String> having = new ArrayList<>();
        if (selection.serviceType() != null) {
            // the type the whole inventory shows for the service: the least of its lines' types
            having.add("MIN(l.service_type) = ?");
            parameters.add(selection.serviceType().name());
        }
        if (selection.siteContains() != null) {
            having.add("LOWER(MAX(l.site)) LIKE ? ESCAPE '!'");
            parameters.add("%" + selection.siteContains().toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%");
        }
        if (!having.isEmpty()) {
            keys.append(" HAVING ").append(String.join(" AND ", having));
        }
        long matching;
        List<Object> countParameters = List.copyOf(parameters);
        try (PreparedStatement statement = Jdbc.prepare(connection, "SELECT COUNT(*) FROM (" + keys + ") k", countParameters);
                ResultSet row = statement.executeQuery()) {
            row.next();
            matching = row.getLong(1);
        }
        if (matching <= offset || limit <= 0) {
            return new InventoryPage(List.of(), matching);
        }
        List<List<String>> page = new ArrayList<>();
        try (PreparedStatement statement = Jdbc.prepare(connection, keys + " ORDER BY l.carrier, l.account, l.service_id LIMIT " + limit + " OFFSET " + offset,
                countParameters); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                page.add(List.of(row.getString(1), row.getString(2), row.getString(3)));
            }
        }
        // the page's services only: one read of the lines of its service ids, cut to its exact keys
        Set<List<String>> wanted = new HashSet<>(page);
        List<InventoryItem> services = inventory(connection, tenant, query, page.stream().map(key -> key.get(2)).distinct().toList())
                .stream().filter(item -> wanted.contains(List.of(item.carrier(), item.account(), item.serviceId()))).toList();
        return new InventoryPage(services, matching);
    }

    /**
     * The tenant's book revision: its latest import, contract, inventory, order and requirement
     * versions. Imports, versions and imported times only grow, so any change gives another value.
     */
    static String revision(Connection connection, String tenant) throws SQLException {
        String sql = "SELECT (SELECT MAX(import_id) FROM bl_import WHERE tenant = ?), "
                + "(SELECT COUNT(*) FROM bl_contract WHERE tenant = ?), (SELECT MAX(imported_at) FROM bl_contract WHERE tenant = ?), "
                + "(SELECT MAX(version) FROM bl_expected_inventory WHERE tenant = ?), "
                + "(SELECT COUNT(*) FROM bl_service_order WHERE tenant = ?), (SELECT MAX(imported_at) FROM bl_service_order WHERE tenant = ?), "
                + "(SELECT MAX(version) FROM bl_requirement_set WHERE tenant = ?)";
        try (PreparedStatement statement = Jdbc.prepare(connection, sql, new ArrayList<Object>(Collections.nCopies(7, tenant)));
                ResultSet row = statement.executeQuery()) {
            row.next();
            StringBuilder revision = new StringBuilder();
            for (int column = 1; column <= 7; column++) {
                revision.append(column == 1 ? "" : "/").append(row.getString(column));
            }
            return revision.toString();
        }
    }

    /** Services derived from current lines: per service its span, size, bandwidth, codes, and the cost of its latest invoice. */
    static List<InventoryItem> inventory(Connection connection, String tenant, LineQuery query) throws SQLException {
        return inventory(connection, tenant, query, null);
    }

    /** The inventory of the query, of the named services only when {@code serviceIds} is not {@code null}. */
    private static List<InventoryItem> inventory(Connection connection, String tenant, LineQuery query, List<String> serviceIds)
            throws SQLException {
        Filter filter = Filter.of(tenant, query, "i");
        String current = Aggregates.CHARGE_LINE_VIEW + " WHERE " + filter.sql() + " AND l.service_id IS NOT NULL"
                + (query.serviceId() == null ? "" : " AND l.service_id = ?")
                + (serviceIds == null ? "" : " AND l.service_id IN (" + String.join(", ", Collections.nCopies(serviceIds.size(), "?")) + ")");
        List<Object> parameters = new ArrayList<>(filter.parameters());
        if (query.serviceId() != null) {
            parameters.add(query.serviceId());
        }
        if (serviceIds != null) {
            parameters.addAll(serviceIds);
        }
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
        try (PreparedStatement statement = Jdbc.prepare(connection, sql, parameters); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                Currency currency = Currency.getInstance(row.getString("currency"));
                String key = row.getString(1) + "\u0000" + row.getString(2) + "\u0000" + row.getString(3);
                codes.put(key, new TreeSet<>());
                items.put(key, new InventoryItem(row.getString(1), row.getString(2), row.getString(3), row.getString("site"),
                        ServiceType.valueOf(row.getString("service_type")), Rows.date(row, "first_billed"), Rows.date(row, "last_billed"),
                        new Money(Rows.decimal(row, "recurring"), currency), new Money(Rows.decimal(row, "usage_cost"), currency),
                        row.getLong("line_count"), List.of(), Rows.decimal(row, "bandwidth")));
            }
        }
        try (PreparedStatement statement = Jdbc.prepare(connection, "SELECT DISTINCT carrier, account, service_id, charge_code FROM ("
                + current + ") c WHERE charge_code IS NOT NULL", parameters); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                codes.get(row.getString(1) + "\u0000" + row.getString(2) + "\u0000" + row.getString(3)).add(row.getString(4));
            }
        }
        List<InventoryItem> inventory = new ArrayList<>();
        items.forEach((key, item) -> inventory.add(new InventoryItem(item.carrier(), item.account(), item.serviceId(), item.site(),
                item.serviceType(), item.firstBilled(), item.lastBilled(), item.monthlyRecurring(), item.usage(), item.lines(),
                List.copyOf(codes.get(key)), item.bandwidthMbps())));
        return inventory;
    }
}
