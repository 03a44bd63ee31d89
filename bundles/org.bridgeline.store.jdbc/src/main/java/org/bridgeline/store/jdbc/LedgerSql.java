package org.bridgeline.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.store.CategoryTotal;
import org.bridgeline.store.InventoryItem;
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

    /** Streams current lines matching the query, in invoice then source order. */
    static void lines(Connection connection, String tenant, LineQuery query, Consumer<ChargeLine> consumer) throws SQLException {
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

    /** Services derived from current lines: per service its span, size, bandwidth, codes, and the cost of its latest invoice. */
    static List<InventoryItem> inventory(Connection connection, String tenant, LineQuery query) throws SQLException {
        Filter filter = Filter.of(tenant, query, "i");
        String current = "SELECT l.* FROM bl_charge_line l JOIN bl_invoice i ON l.tenant = i.tenant AND l.invoice_id = i.invoice_id "
                + "WHERE " + filter.sql() + " AND l.service_id IS NOT NULL" + (query.serviceId() == null ? "" : " AND l.service_id = ?");
        List<Object> parameters = new ArrayList<>(filter.parameters());
        if (query.serviceId() != null) {
            parameters.add(query.serviceId());
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
