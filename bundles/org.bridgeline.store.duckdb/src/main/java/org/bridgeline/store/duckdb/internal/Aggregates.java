package org.bridgeline.store.duckdb.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.function.Consumer;
import org.bridgeline.api.detect.DuplicateGroup;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.detect.ServiceMonth;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Money;

/**
 * The aggregated views detectors read, computed in SQL inside the database so that an audit of
 * millions of lines moves thousands of rows, not millions.
 */
final class Aggregates {

    private Aggregates() {
    }

    /** Current lines matching the query, as a subquery with the columns of bl_charge_line. */
    static String currentLines(Filter filter, LineQuery query, List<Object> parameters) {
        parameters.addAll(filter.parameters());
        StringBuilder sql = new StringBuilder("SELECT l.* FROM bl_charge_line l JOIN bl_invoice i ON l.tenant = i.tenant "
                + "AND l.invoice_id = i.invoice_id WHERE ").append(filter.sql());
        if (query.serviceId() != null) {
            sql.append(" AND l.service_id = ?");
            parameters.add(query.serviceId());
        }
        if (query.category() != null) {
            sql.append(" AND l.category = ?");
            parameters.add(query.category().name());
        }
        return sql.toString();
    }

    static void serviceMonths(Connection connection, String tenant, LineQuery query, Consumer<ServiceMonth> consumer) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String current = currentLines(Filter.of(tenant, query, "i"), query, parameters);
        String month = "COALESCE(c.charge_start, c.period_start, c.invoice_date)";
        String sql = "SELECT c.carrier, c.account, c.service_id, EXTRACT(YEAR FROM " + month + ") AS y, EXTRACT(MONTH FROM " + month
                + ") AS m, c.category, c.currency, SUM(c.amount) AS total, COUNT(*) AS line_count FROM (" + current + ") c "
                + "WHERE c.service_id IS NOT NULL GROUP BY c.carrier, c.account, c.service_id, y, m, c.category, c.currency "
                + "ORDER BY c.carrier, c.account, c.service_id, y, m, c.category";
        try (PreparedStatement statement = DuckDbStore.prepare(connection, sql, parameters); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                // by position: the driver looks a name up with a scan, and there is a row per service and month
                consumer.accept(new ServiceMonth(row.getString(1), row.getString(2), row.getString(3),
                        YearMonth.of(row.getInt(4), row.getInt(5)), ChargeCategory.valueOf(row.getString(6)),
                        new Money(Rows.decimal(row.getBigDecimal(8)), Currency.getInstance(row.getString(7))), row.getLong(9)));
            }
        }
    }

    static List<DuplicateGroup> duplicateCandidates(Connection connection, String tenant, LineQuery query) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String current = currentLines(Filter.of(tenant, query, "i"), query, parameters);
        // the charge's identity: carrier, service, code, the period it covers, the amount
        String code = "COALESCE(%1$s.charge_code, '')";
        String from = "COALESCE(%1$s.charge_start, %1$s.period_start, %1$s.invoice_date)";
        String to = "COALESCE(%1$s.charge_end, %1$s.period_end, %1$s.invoice_date)";
        String sql = "WITH c AS (" + current + " AND l.service_id IS NOT NULL AND l.category IN ('RECURRING', 'ONE_TIME')), "
                + "d AS (SELECT x.carrier AS k_carrier, x.service_id AS k_service, " + code.formatted("x") + " AS k_code, "
                + from.formatted("x") + " AS k_from, " + to.formatted("x") + " AS k_to, x.amount AS k_amount FROM c x "
                + "GROUP BY 1, 2, 3, 4, 5, 6 HAVING COUNT(*) > 1) "
                + "SELECT " + Rows.LINE_COLUMNS + " FROM c l JOIN d ON l.carrier = d.k_carrier AND l.service_id = d.k_service "
                + "AND " + code.formatted("l") + " = d.k_code AND " + from.formatted("l") + " = d.k_from AND "
                + to.formatted("l") + " = d.k_to AND l.amount = d.k_amount "
                + "ORDER BY l.carrier, l.service_id, d.k_code, d.k_from, l.amount, l.invoice_date, l.invoice_id, l.line_no";
        List<DuplicateGroup> groups = new ArrayList<>();
        List<ChargeLine> group = new ArrayList<>();
        String groupKey = null;
        try (PreparedStatement statement = DuckDbStore.prepare(connection, sql, parameters); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                ChargeLine line = Rows.line(row);
                String lineKey = line.carrier() + '\u0000' + line.serviceId() + '\u0000' + line.chargeCode() + '\u0000'
                        + (line.chargePeriod() != null ? line.chargePeriod() : line.billingPeriod() != null ? line.billingPeriod()
                        : line.invoiceDate()) + '\u0000' + line.amount().amount().stripTrailingZeros();
                if (!lineKey.equals(groupKey) && group.size() > 1) {
                    groups.add(new DuplicateGroup(group));
                }
                if (!lineKey.equals(groupKey)) {
                    group = new ArrayList<>();
                    groupKey = lineKey;
                }
                group.add(line);
            }
        }
        if (group.size() > 1) {
            groups.add(new DuplicateGroup(group));
        }
        return groups;
    }
}
