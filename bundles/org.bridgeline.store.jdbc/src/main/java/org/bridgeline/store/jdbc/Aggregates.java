package org.bridgeline.store.jdbc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bridgeline.api.detect.BilledPrice;
import org.bridgeline.api.detect.DuplicateGroup;
import org.bridgeline.api.detect.IdleService;
import org.bridgeline.api.detect.InvoiceCodeTotal;
import org.bridgeline.api.detect.InvoiceTotal;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.detect.ServiceCostMove;
import org.bridgeline.api.detect.ServiceHistory;
import org.bridgeline.api.detect.ServiceMonth;
import org.bridgeline.api.detect.UsageByDestination;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.ServiceType;

/**
 * The aggregated views detectors read, computed in SQL inside the database so that an audit of
 * millions of lines moves thousands of rows, not millions.
 */
final class Aggregates {

    private Aggregates() {
    }

    /**
     * The columns of the view bl_charge_line as its migration (V12) defines them, over bl_line {@code l} and bl_invoice
     * {@code i} ({@link #LINES_AND_INVOICES}): a query that filters on the invoice reads the lines through these rather than
     * the view, joining the invoice once, not twice (the view's join and its own), a fifth of a scan of the book.
     */
    static final String CHARGE_LINE_COLUMNS = "l.tenant, l.invoice_id, l.line_no, "
            + "CASE WHEN l.carrier IS NULL THEN i.carrier ELSE l.carrier END AS carrier, "
            + "CASE WHEN l.carrier IS NULL THEN i.account ELSE l.account END AS account, "
            + "l.sub_account, "
            + "CASE WHEN l.carrier IS NULL THEN i.invoice_number ELSE l.invoice_number END AS invoice_number, "
            + "CASE WHEN l.carrier IS NULL THEN i.invoice_date ELSE l.invoice_date END AS invoice_date, "
            + "CASE WHEN l.carrier IS NULL THEN i.period_start ELSE l.period_start END AS period_start, "
            + "CASE WHEN l.carrier IS NULL THEN i.period_end ELSE l.period_end END AS period_end, "
            + "l.service_id, l.site, l.service_type, l.category, l.charge_code, l.description, l.quantity, l.unit, l.unit_price, l.amount, "
            + "CASE WHEN l.carrier IS NULL THEN i.currency ELSE l.currency END AS currency, "
            + "l.charge_start, l.charge_end, l.bandwidth_mbps, l.usage_quantity, l.usage_unit, l.tax_type, l.tax_jurisdiction, "
            + "CASE WHEN l.carrier IS NULL THEN i.source_file ELSE l.source_file END AS source_file, "
            + "l.source_record, l.source_line, l.destination";

    static final String LINES_AND_INVOICES = "bl_line l JOIN bl_invoice i ON i.tenant = l.tenant AND i.invoice_id = l.invoice_id";

    /** The query of the view bl_charge_line, to be followed by a WHERE on {@code l} and {@code i}. */
    static final String CHARGE_LINE_VIEW = "SELECT " + CHARGE_LINE_COLUMNS + " FROM " + LINES_AND_INVOICES;

    /** Current lines matching the query, as a subquery with the columns of bl_charge_line. */
    static String currentLines(Filter filter, LineQuery query, List<Object> parameters) {
        parameters.addAll(filter.parameters());
        StringBuilder sql = new StringBuilder(CHARGE_LINE_VIEW).append(" WHERE ").append(filter.sql());
        lineConditions(query, sql, parameters);
        return sql.toString();
    }

    /** Appends the query's service and category as conditions on the line {@code l}. */
    private static void lineConditions(LineQuery query, StringBuilder sql, List<Object> parameters) {
        if (query.serviceId() != null) {
            sql.append(" AND l.service_id = ?");
            parameters.add(query.serviceId());
        }
        if (query.category() != null) {
            sql.append(" AND l.category = ?");
            parameters.add(query.category().name());
        }
    }

    /** The day a line is placed at, as {@link org.bridgeline.api.model.ChargeLine#chargedOn()} places it. */
    static final String CHARGED_ON = "COALESCE(c.charge_start, c.period_start, c.invoice_date)";

    static void serviceMonths(Connection connection, String tenant, LineQuery query, Consumer<ServiceMonth> consumer) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String current = currentLines(Filter.of(tenant, query, "i"), query, parameters);
        String sql = "SELECT c.carrier, c.account, c.service_id, c.service_type, EXTRACT(YEAR FROM " + CHARGED_ON + ") AS y, "
                + "EXTRACT(MONTH FROM " + CHARGED_ON + ") AS m, c.category, c.currency, SUM(c.amount) AS total, COUNT(*) AS line_count "
                + "FROM (" + current + ") c WHERE c.service_id IS NOT NULL "
                + "GROUP BY c.carrier, c.account, c.service_id, c.service_type, y, m, c.category, c.currency "
                + "ORDER BY c.carrier, c.account, c.service_id, y, m, c.category, c.service_type";
        try (PreparedStatement statement = Jdbc.prepare(connection, sql, parameters); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                // by position: the driver looks a name up with a scan, and there is a row per service and month
                consumer.accept(new ServiceMonth(row.getString(1), row.getString(2), row.getString(3),
                        ServiceType.valueOf(row.getString(4)), YearMonth.of(row.getInt(5), row.getInt(6)),
                        ChargeCategory.valueOf(row.getString(7)), new Money(Rows.decimal(row.getBigDecimal(9)),
                        Currency.getInstance(row.getString(8))), row.getLong(10)));
            }
        }
    }

    /** The latest month a service line matching the query was charged in, as service histories place it. */
    static Optional<YearMonth> latestChargedMonth(Connection connection, String tenant, LineQuery query) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String current = currentLines(Filter.of(tenant, query, "i"), query, parameters);
        String sql = "SELECT MAX(" + CHARGED_ON + ") FROM (" + current + ") c WHERE c.service_id IS NOT NULL";
        try (PreparedStatement statement = Jdbc.prepare(connection, sql, parameters); ResultSet row = statement.executeQuery()) {
            java.sql.Date latest = row.next() ? row.getDate(1) : null;
            return latest == null ? Optional.empty() : Optional.of(YearMonth.from(latest.toLocalDate()));
        }
    }

    /**
     * Per service a row per category with its months and totals as lists, packed as it crosses the driver, for
     * {@link HistoryRows} to read: a service's history travels as a few rows, not one per month, which is most of what
     * reading it costs.
     */
    static void packedHistories(Connection connection, String tenant, LineQuery query, Consumer<String> rows) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String current = currentLines(Filter.of(tenant, query, "i"), query, parameters);
        // a category's months as one text of month:total pairs, unordered (an ordered aggregate sorts each group; the Java side
        // keeps them in a sorted map anyway): arrays cost the driver an object per element. The row crosses the driver packed.
        String sql = "SELECT " + Packed.sql("carrier", "account", "service_id", "currency", "category", "MIN(known_type)",
                "string_agg(CAST(month AS VARCHAR) || ':' || CAST(total AS VARCHAR), ',')", "MAX(bandwidth)", "MIN(site)") + " "
                + "FROM (SELECT c.carrier, c.account, c.service_id, c.currency, "
                + "c.category, MAX(c.bandwidth_mbps) AS bandwidth, MIN(c.site) AS site, "
                + "CAST(EXTRACT(YEAR FROM " + CHARGED_ON + ") * 12 + EXTRACT(MONTH FROM " + CHARGED_ON + ") - 1 AS INTEGER) AS month, "
                + "MIN(CASE WHEN c.service_type <> 'OTHER' THEN c.service_type END) AS known_type, SUM(c.amount) AS total "
                + "FROM (" + current + ") c WHERE c.service_id IS NOT NULL "
                + "GROUP BY c.carrier, c.account, c.service_id, c.currency, c.category, month) h "
                + "GROUP BY carrier, account, service_id, currency, category ORDER BY carrier, account, service_id, currency, category";
        try (PreparedStatement statement = Jdbc.prepare(connection, sql, parameters); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                rows.accept(row.getString(1));
            }
        }
    }

    /** Service histories read from their packed rows in order: a service's rows (one per category) come together. */
    static final class HistoryRows implements Consumer<String> {

        private final Consumer<ServiceHistory> consumer;
        private List<String> service;
        private ServiceType type;
        private BigDecimal bandwidth;
        private String site;
        private Map<ChargeCategory, SortedMap<YearMonth, Money>> months;

        HistoryRows(Consumer<ServiceHistory> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void accept(String packed) {
            Packed values = new Packed(packed);
            List<String> key = List.of(values.text(), values.text(), values.text(), values.text());
            if (!key.equals(service)) {
                finish();
                service = key;
                type = null;
                bandwidth = null;
                site = null;
                months = new EnumMap<>(ChargeCategory.class);
            }
            ChargeCategory category = ChargeCategory.valueOf(values.text());
            String known = values.text();
            type = type == null && known != null ? ServiceType.valueOf(known) : type;
            String pairs = values.text();
            BigDecimal stated = values.decimal();
            bandwidth = bandwidth == null || stated != null && stated.compareTo(bandwidth) > 0 ? stated : bandwidth;
            String categorySite = values.text();
            site = site == null ? categorySite : site;
            Currency currency = Currency.getInstance(key.get(3));
            SortedMap<YearMonth, Money> totals = new TreeMap<>();
            char[] text = pairs.toCharArray();
            for (int at = 0; at < text.length; ) {
                int colon = pairs.indexOf(':', at);
                int comma = pairs.indexOf(',', colon);
                int end = comma < 0 ? text.length : comma;
                totals.put(month(Integer.parseInt(pairs, at, colon, 10)), new Money(Rows.decimal(text, colon + 1, end), currency));
                at = end + 1;
            }
            months.put(category, totals);
        }

        /** Hands over the last service read, if any. */
        void finish() {
            if (service != null) {
                consumer.accept(history(service, type, bandwidth, site, months));
                service = null;
            }
        }
    }

    /**
     * The months that moved, judged in SQL. Each service month (recurring and usage added) first meets the least and the
     * most of the months before it (window aggregates, one sort): a month within the threshold of both cannot be far from their
     * median, nor one closer than the minimum change to both. Only the months left are paired with their months before,
     * sorted, to read the middle one or two. Portable: PostgreSQL has no median over a window, and DuckDB's integer division
     * gives a double, so the middle is found with FLOOR of a decimal.
     */
    static void serviceCostMoves(Connection connection, String tenant, LineQuery query, int minimumHistoryMonths, BigDecimal minimumChange,
            BigDecimal thresholdPercent, Consumer<ServiceCostMove> consumer) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String current = currentLines(Filter.of(tenant, query, "i"), query, parameters);
        String service = "carrier, account, service_id, currency";
        String before = "OVER (PARTITION BY " + service + " ORDER BY month ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)";
        String sql = "WITH m AS (SELECT c.carrier, c.account, c.service_id, c.currency, "
                + "CAST(EXTRACT(YEAR FROM " + CHARGED_ON + ") * 12 + EXTRACT(MONTH FROM " + CHARGED_ON + ") - 1 AS INTEGER) AS month, "
                + "SUM(c.amount) AS cost, MAX(CASE WHEN c.category = 'RECURRING' THEN 1 ELSE 0 END) AS recurring, "
                + "MAX(CASE WHEN c.category = 'USAGE' THEN 1 ELSE 0 END) AS usage FROM (" + current + ") c "
                + "WHERE c.service_id IS NOT NULL AND c.category IN ('RECURRING', 'USAGE') GROUP BY c.carrier, c.account, c.service_id, "
                + "c.currency, month), "
                // a service whose every month lies within the thresholds of every other cannot move: only the rest
                // are windowed, which is the sort that costs most of this query
                + "g AS (SELECT " + service + " FROM m GROUP BY " + service + " HAVING COUNT(*) > ? AND NOT ((MIN(cost) > 0 "
                + "AND MAX(cost) * 100 <= (100 + ?) * MIN(cost)) OR MAX(cost) - MIN(cost) < ?)), "
                + "v AS (SELECT m.* FROM m JOIN g ON m.carrier = g.carrier AND m.account = g.account AND m.service_id = g.service_id "
                + "AND m.currency = g.currency), "
                + "w AS (SELECT v.*, COUNT(*) " + before + " AS n, MIN(cost) " + before + " AS least, MAX(cost) " + before + " AS most FROM v), "
                + "f AS (SELECT * FROM w WHERE n >= ? AND NOT ((least > 0 AND cost > 0 AND cost * 100 <= (100 + ?) * least "
                + "AND cost * 100 >= (100 - ?) * most) OR (cost - least < ? AND most - cost < ?))), "
                // each service's last months and its carrier's, for the few months left only: windows over every month cost a sort each;
                // a service's months are read from v (every month of the services that may move), not from every service's
                + "s AS (SELECT b.carrier, b.account, b.service_id, b.currency, MAX(b.month) AS last_month, "
                + "MAX(CASE WHEN b.usage = 1 THEN b.month END) AS last_usage FROM v b JOIN (SELECT DISTINCT " + service + " FROM f) k "
                + "ON b.carrier = k.carrier AND b.account = k.account AND b.service_id = k.service_id AND b.currency = k.currency "
                + "GROUP BY b.carrier, b.account, b.service_id, b.currency), "
                + "r AS (SELECT carrier, MAX(CASE WHEN recurring = 1 THEN month END) AS carrier_recurring FROM m GROUP BY carrier), "
                + "t AS (SELECT f.*, s.last_month, s.last_usage, r.carrier_recurring FROM f JOIN s ON s.carrier = f.carrier "
                + "AND s.account = f.account AND s.service_id = f.service_id AND s.currency = f.currency JOIN r ON r.carrier = f.carrier), "
                + "p AS (SELECT t.carrier, t.account, t.service_id, t.currency, t.month, t.cost, t.n, t.last_month, t.last_usage, "
                + "t.carrier_recurring, array_agg(b.cost ORDER BY b.cost) AS costs FROM t JOIN v b ON b.carrier = t.carrier "
                + "AND b.account = t.account AND b.service_id = t.service_id AND b.currency = t.currency AND b.month < t.month "
                + "GROUP BY t.carrier, t.account, t.service_id, t.currency, t.month, t.cost, t.n, t.last_month, t.last_usage, t.carrier_recurring), "
                + "d AS (SELECT p.*, costs[CAST(FLOOR((n + 1) / 2.0) AS INTEGER)] + costs[CAST(FLOOR(n / 2.0) AS INTEGER) + 1] AS middle FROM p) "
                + "SELECT carrier, account, service_id, currency, month, cost, n, middle, last_month, last_usage, carrier_recurring FROM d "
                + "WHERE middle <> 0 AND ABS(2 * cost - middle) >= 2 * ? AND ABS(2 * cost - middle) * 100 >= ? * ABS(middle) "
                + "ORDER BY carrier, account, service_id, currency, month";
        int history = Math.max(minimumHistoryMonths, 1);
        parameters.addAll(List.of(history, thresholdPercent, minimumChange, history, thresholdPercent, thresholdPercent, minimumChange,
                minimumChange, minimumChange, thresholdPercent));
        try (PreparedStatement statement = Jdbc.prepare(connection, sql, parameters); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                Currency currency = Currency.getInstance(row.getString(4));
                // the two middle costs added (the middle one twice when there is one): halved as the detectors halve
                BigDecimal middle = Rows.decimal(row.getBigDecimal(8));
                int months = row.getInt(7);
                BigDecimal median = months % 2 == 1 ? middle.divide(BigDecimal.valueOf(2)) : middle.divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
                int lastUsage = row.getInt(10);
                boolean noUsage = row.wasNull();
                int lastRecurring = row.getInt(11);
                boolean noRecurring = row.wasNull();
                consumer.accept(new ServiceCostMove(row.getString(1), row.getString(2), row.getString(3), month(row.getInt(5)),
                        new Money(Rows.decimal(row.getBigDecimal(6)), currency), median, months, month(row.getInt(9)),
                        noUsage ? null : month(lastUsage), noRecurring ? null : month(lastRecurring)));
            }
        }
    }

    /**
     * The idle services, judged in SQL: each service's months per category (the histories' first grouping), then per
     * service its latest recurring month, its latest month and its kind; only the services whose latest recurring month is
     * their carrier's latest meet their months again, to count the run's recurring months and its usage. The kind is the
     * histories': the stated kind of the first category (by name) that states one.
     */
    static void idleServices(Connection connection, String tenant, LineQuery query, int months, Set<ServiceType> serviceTypes,
            Consumer<IdleService> consumer) throws SQLException {
        if (serviceTypes.isEmpty()) {
            return;
        }
        List<Object> parameters = new ArrayList<>();
        String current = currentLines(Filter.of(tenant, query, "i"), query, parameters);
        String service = "carrier, account, service_id, currency";
        String sql = "WITH m AS (SELECT c.carrier, c.account, c.service_id, c.currency, c.category, "
                + "CAST(EXTRACT(YEAR FROM " + CHARGED_ON + ") * 12 + EXTRACT(MONTH FROM " + CHARGED_ON + ") - 1 AS INTEGER) AS month, "
                + "SUM(c.amount) AS total, MIN(CASE WHEN c.service_type <> 'OTHER' THEN c.service_type END) AS known "
                + "FROM (" + current + ") c WHERE c.service_id IS NOT NULL GROUP BY c.carrier, c.account, c.service_id, c.currency, "
                + "c.category, month), "
                + "s AS (SELECT " + service + ", MIN(CASE WHEN known IS NOT NULL THEN category || ':' || known END) AS typed, "
                + "MAX(CASE WHEN category = 'RECURRING' THEN month END) AS last_recurring, MAX(month) AS last_month FROM m "
                + "GROUP BY " + service + "), "
                + "k AS (SELECT carrier, MAX(last_month) AS carrier_last FROM s GROUP BY carrier), "
                + "t AS (SELECT s.carrier, s.account, s.service_id, s.currency, COALESCE(split_part(s.typed, ':', 2), 'OTHER') AS service_type, "
                + "s.last_recurring FROM s JOIN k ON k.carrier = s.carrier AND k.carrier_last = s.last_recurring) "
                + "SELECT t.carrier, t.account, t.service_id, t.currency, t.service_type, t.last_recurring, "
                + "SUM(CASE WHEN m.category = 'RECURRING' AND m.month = t.last_recurring THEN m.total END) AS monthly "
                + "FROM t JOIN m ON m.carrier = t.carrier AND m.account = t.account AND m.service_id = t.service_id "
                + "AND m.currency = t.currency AND m.month >= t.last_recurring - ? AND m.month <= t.last_recurring "
                + "WHERE t.service_type IN (SELECT unnest(string_to_array(?, ','))) "
                + "GROUP BY t.carrier, t.account, t.service_id, t.currency, t.service_type, t.last_recurring "
                + "HAVING COUNT(CASE WHEN m.category = 'RECURRING' THEN 1 END) = ? AND COUNT(CASE WHEN m.category = 'USAGE' THEN 1 END) = 0 "
                + "ORDER BY t.carrier, t.account, t.service_id, t.currency";
        parameters.add(months - 1);
        parameters.add(String.join(",", serviceTypes.stream().map(ServiceType::name).sorted().toList()));
        parameters.add(months);
        try (PreparedStatement statement = Jdbc.prepare(connection, sql, parameters); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                int last = row.getInt(6);
                consumer.accept(new IdleService(row.getString(1), row.getString(2), row.getString(3), ServiceType.valueOf(row.getString(5)),
                        month(last - (months - 1)), month(last), new Money(Rows.decimal(row.getBigDecimal(7)),
                        Currency.getInstance(row.getString(4)))));
            }
        }
    }

    private static YearMonth month(int monthsSinceYearZero) {
        return YearMonth.of(monthsSinceYearZero / 12, monthsSinceYearZero % 12 + 1);
    }

    private static ServiceHistory history(List<String> service, ServiceType type, BigDecimal bandwidth, String site,
            Map<ChargeCategory, SortedMap<YearMonth, Money>> months) {
        return new ServiceHistory(service.get(0), service.get(1), service.get(2), type, bandwidth, site,
                Currency.getInstance(service.get(3)), months);
    }

    /**
     * The lines of many services in one pass: the ids travel as one parameter, split in SQL, so a
     * thousand findings' evidence costs one scan of the book, not a thousand.
     */
    static void linesOfServices(Connection connection, String tenant, LineQuery query, Collection<String> serviceIds,
            Consumer<ChargeLine> consumer) throws SQLException {
        if (query.serviceId() != null) {
            throw new IllegalArgumentException("a query for named services names no service of its own: " + query);
        }
        if (serviceIds.isEmpty()) {
            return;
        }
        for (String id : serviceIds) {
            if (id.indexOf(ID_SEPARATOR) >= 0) {
                throw new IllegalArgumentException("a service id with a U+0001 in it: " + id);
            }
        }
        List<Object> parameters = new ArrayList<>();
        String current = currentLines(Filter.of(tenant, query, "i"), query, parameters);
        parameters.add(String.join(String.valueOf(ID_SEPARATOR), new TreeSet<>(serviceIds)));
        parameters.add(String.valueOf(ID_SEPARATOR));
        String sql = "SELECT " + Rows.LINE_COLUMNS + " FROM (" + current + ") l WHERE l.service_id IN (SELECT unnest(string_to_array(?, ?))) "
                + "ORDER BY l.carrier, l.service_id, l.invoice_date, l.invoice_id, l.line_no";
        try (PreparedStatement statement = Jdbc.prepare(connection, sql, parameters); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                consumer.accept(Rows.line(row));
            }
        }
    }

    private static final char ID_SEPARATOR = '\u0001';

    static void billedPrices(Connection connection, String tenant, LineQuery query, Consumer<BilledPrice> consumer) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String current = currentLines(Filter.of(tenant, query, "i"), query, parameters);
        // a line without a unit price is priced from its amount and quantity: grouped by those, priced in Java by the api's rule;
        // the row crosses the driver packed
        String sql = "SELECT " + Packed.sql("c.carrier", "c.account", "c.service_id", "c.service_type", "c.bandwidth_mbps", "c.charge_code",
                "c.category", "c.currency", "c.unit_price", "a", "q", "MIN(" + CHARGED_ON + ")", "MAX(" + CHARGED_ON + ")", "COUNT(*)")
                + " FROM (SELECT c.*, CASE WHEN c.unit_price IS NULL THEN c.amount END AS a, "
                + "CASE WHEN c.unit_price IS NULL THEN c.quantity END AS q FROM (" + current + ") c WHERE c.service_id IS NOT NULL) c "
                + "GROUP BY c.carrier, c.account, c.service_id, c.service_type, c.bandwidth_mbps, c.charge_code, c.category, "
                + "c.currency, c.unit_price, a, q ORDER BY c.carrier, c.account, c.service_id, c.charge_code NULLS FIRST, MIN(" + CHARGED_ON
                + "), c.unit_price, a, q";
        try (PreparedStatement statement = Jdbc.prepare(connection, sql, parameters); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                Packed values = new Packed(row.getString(1));
                String carrier = values.text();
                String account = values.text();
                String serviceId = values.text();
                ServiceType serviceType = ServiceType.valueOf(values.text());
                BigDecimal bandwidth = values.decimal();
                String chargeCode = values.text();
                ChargeCategory category = ChargeCategory.valueOf(values.text());
                Currency currency = Currency.getInstance(values.text());
                BigDecimal unitPrice = values.decimal();
                BigDecimal amount = values.decimal();
                BigDecimal quantity = values.decimal();
                Money price = ChargeLine.pricePerUnit(unitPrice == null ? null : new Money(unitPrice, currency), quantity,
                        new Money(amount == null ? BigDecimal.ZERO : amount, currency));
                consumer.accept(new BilledPrice(carrier, account, serviceId, serviceType, bandwidth, chargeCode, category, price,
                        values.date(), values.date(), values.bigint()));
            }
        }
    }

    static void usageByDestination(Connection connection, String tenant, LineQuery query, Consumer<UsageByDestination> consumer)
            throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String current = currentLines(Filter.of(tenant, query, "i"), query, parameters);
        String sql = "SELECT c.carrier, c.account, c.service_id, c.service_type, c.destination, c.usage_unit, c.currency, SUM(c.amount), "
                + "SUM(c.usage_quantity), COUNT(*), MIN(" + CHARGED_ON + "), MAX(" + CHARGED_ON + ") FROM (" + current + ") c "
                + "WHERE c.category = 'USAGE' AND c.destination IS NOT NULL AND c.service_id IS NOT NULL "
                + "GROUP BY c.carrier, c.account, c.service_id, c.service_type, c.destination, c.usage_unit, c.currency "
                + "ORDER BY c.carrier, c.account, c.service_id, c.destination, c.usage_unit";
        try (PreparedStatement statement = Jdbc.prepare(connection, sql, parameters); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                consumer.accept(new UsageByDestination(row.getString(1), row.getString(2), row.getString(3), ServiceType.valueOf(row.getString(4)),
                        row.getString(5), row.getString(6), new Money(Rows.decimal(row.getBigDecimal(8)), Currency.getInstance(row.getString(7))),
                        Rows.decimal(row.getBigDecimal(9)), row.getLong(10), row.getDate(11).toLocalDate(), row.getDate(12).toLocalDate()));
            }
        }
    }

    /** The fields naming the bill a line was billed on, which a line leaves to its invoice (V12) unless it states its own. */
    private static final List<String> BILL = List.of("carrier", "account", "invoice_number", "currency");

    /**
     * The current lines matching the query totalled per bill and the given line columns before the invoice is joined, as a
     * subquery with the invoice id, the bill's carrier, account, number and currency (a line's own where it states them),
     * the invoice's date and billing period, the given columns, {@code total} and {@code line_count}: the invoice's fields
     * are read once a group, not once a line. Lines that state their own bill fields form groups of their own, so the caller
     * groups again by what it reports.
     */
    static String invoiceGroups(String tenant, LineQuery query, List<Object> parameters, String... lineColumns) {
        Filter filter = Filter.of(tenant, query, "f");
        StringBuilder where = new StringBuilder("l.tenant = ? AND l.invoice_id IN (SELECT f.invoice_id FROM bl_invoice f WHERE ")
                .append(filter.sql()).append(')');
        parameters.add(tenant);
        parameters.addAll(filter.parameters());
        lineConditions(query, where, parameters);
        String own = String.join(", ", Stream.concat(BILL.stream(), Arrays.stream(lineColumns)).map(column -> "l." + column).toList());
        String bill = BILL.stream().map(column -> "CASE WHEN g.carrier IS NULL THEN i." + column + " ELSE g." + column + " END AS " + column)
                .collect(Collectors.joining(", "));
        String given = Arrays.stream(lineColumns).map(column -> "g." + column).collect(Collectors.joining(", "));
        return "SELECT g.invoice_id, " + bill + ", i.invoice_date, i.period_start, i.period_end, " + given + ", g.total, g.line_count "
                + "FROM (SELECT l.tenant, l.invoice_id, " + own + ", SUM(l.amount) AS total, COUNT(*) AS line_count FROM bl_line l WHERE "
                + where + " GROUP BY l.tenant, l.invoice_id, " + own + ") g JOIN bl_invoice i ON i.tenant = g.tenant AND i.invoice_id = g.invoice_id";
    }

    static void invoiceTotals(Connection connection, String tenant, LineQuery query, Consumer<InvoiceTotal> consumer) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String groups = invoiceGroups(tenant, query, parameters, "service_type", "category");
        String sql = "SELECT c.carrier, c.account, c.invoice_number, c.invoice_date, c.period_start, c.period_end, c.service_type, "
                + "c.category, c.currency, SUM(c.total), CAST(SUM(c.line_count) AS BIGINT) FROM (" + groups + ") c "
                + "GROUP BY c.invoice_id, c.carrier, c.account, c.invoice_number, c.invoice_date, c.period_start, c.period_end, "
                + "c.service_type, c.category, c.currency "
                + "ORDER BY c.carrier, c.account, c.invoice_date, c.invoice_number, c.invoice_id, c.service_type, c.category, c.currency";
        try (PreparedStatement statement = Jdbc.prepare(connection, sql, parameters); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                java.sql.Date start = row.getDate(5);
                java.sql.Date end = row.getDate(6);
                consumer.accept(new InvoiceTotal(row.getString(1), row.getString(2), row.getString(3), row.getDate(4).toLocalDate(),
                        start == null || end == null ? null : Period.of(start.toLocalDate(), end.toLocalDate()),
                        ServiceType.valueOf(row.getString(7)), ChargeCategory.valueOf(row.getString(8)),
                        new Money(Rows.decimal(row.getBigDecimal(10)), Currency.getInstance(row.getString(9))), row.getLong(11)));
            }
        }
    }

    static void invoiceCodeTotals(Connection connection, String tenant, LineQuery query, Consumer<InvoiceCodeTotal> consumer)
            throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String groups = invoiceGroups(tenant, query, parameters, "service_type", "category", "charge_code");
        String sql = "SELECT c.carrier, c.account, c.invoice_number, c.invoice_date, c.period_start, c.period_end, c.service_type, "
                + "c.category, c.charge_code, c.currency, SUM(c.total), CAST(SUM(c.line_count) AS BIGINT) FROM (" + groups + ") c "
                + "GROUP BY c.invoice_id, c.carrier, c.account, c.invoice_number, c.invoice_date, c.period_start, c.period_end, "
                + "c.service_type, c.category, c.charge_code, c.currency ORDER BY c.carrier, c.account, c.invoice_date, c.invoice_number, "
                + "c.invoice_id, c.service_type, c.category, c.charge_code NULLS FIRST, c.currency";
        try (PreparedStatement statement = Jdbc.prepare(connection, sql, parameters); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                java.sql.Date start = row.getDate(5);
                java.sql.Date end = row.getDate(6);
                consumer.accept(new InvoiceCodeTotal(row.getString(1), row.getString(2), row.getString(3), row.getDate(4).toLocalDate(),
                        start == null || end == null ? null : Period.of(start.toLocalDate(), end.toLocalDate()),
                        ServiceType.valueOf(row.getString(7)), ChargeCategory.valueOf(row.getString(8)), row.getString(9),
                        new Money(Rows.decimal(row.getBigDecimal(11)), Currency.getInstance(row.getString(10))), row.getLong(12)));
            }
        }
    }

    static void duplicateCandidates(Connection connection, Database database, String tenant, LineQuery query,
            Consumer<DuplicateGroup> consumer) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String current = currentLines(Filter.of(tenant, query, "i"), query, parameters);
        // the charge's identity: carrier, service, code, the period it covers, the amount
        String code = "COALESCE(%1$s.charge_code, '')";
        String from = "COALESCE(%1$s.charge_start, %1$s.period_start, %1$s.invoice_date)";
        String to = "COALESCE(%1$s.charge_end, %1$s.period_end, %1$s.invoice_date)";
        List<String> identity = List.of("x.carrier", "x.service_id", code.formatted("x"), from.formatted("x"), to.formatted("x"), "x.amount");
        // the repeated identities found by grouping (a hash, where a window over every line sorts them all), then the keys of
        // their lines, and only then those lines' columns: carrying every column of every line through the join costs more
        // than reading the few lines again
        String lines = current + " AND l.service_id IS NOT NULL AND l.category IN ('RECURRING', 'ONE_TIME')";
        Optional<String> hash = database.hashOf(identity);
        String keys;
        if (hash.isPresent()) {
            // nearly every line's identity is its own: each line's key and one number for its identity are kept once and grouped
            // by that number, a third of the work of grouping six values read twice. Lines whose identities merely share a hash
            // come along and stand alone below, as lines that repeat nothing.
            keys = "WITH h AS (SELECT x.invoice_id, x.line_no, " + hash.get() + " AS charge_hash FROM (" + lines + ") x) "
                    + "SELECT h.invoice_id AS k_invoice, h.line_no AS k_line FROM h WHERE h.charge_hash IN "
                    + "(SELECT charge_hash FROM h GROUP BY charge_hash HAVING COUNT(*) > 1)";
        } else {
            String repeated = "SELECT x.carrier AS d_carrier, x.service_id AS d_service, " + code.formatted("x") + " AS d_code, "
                    + from.formatted("x") + " AS d_from, " + to.formatted("x") + " AS d_to, x.amount AS d_amount FROM (" + lines + ") x "
                    + "GROUP BY " + String.join(", ", identity) + " HAVING COUNT(*) > 1";
            keys = "SELECT x.invoice_id AS k_invoice, x.line_no AS k_line FROM (" + lines + ") x JOIN (" + repeated + ") d "
                    + "ON x.carrier = d.d_carrier AND x.service_id = d.d_service AND " + code.formatted("x") + " = d.d_code AND "
                    + from.formatted("x") + " = d.d_from AND " + to.formatted("x") + " = d.d_to AND x.amount = d.d_amount";
            // the lines' subquery appears twice, so its parameters do too
            parameters.addAll(List.copyOf(parameters));
        }
        parameters.add(tenant);
        // ordered by the whole identity, so that each group's lines come together
        String sql = "SELECT " + Rows.LINE_COLUMNS + " FROM bl_charge_line l JOIN (" + keys + ") k ON l.invoice_id = k.k_invoice "
                + "AND l.line_no = k.k_line WHERE l.tenant = ? ORDER BY l.carrier, l.service_id, " + code.formatted("l") + ", "
                + from.formatted("l") + ", " + to.formatted("l") + ", l.amount, l.invoice_date, l.invoice_id, l.line_no";
        List<ChargeLine> group = new ArrayList<>();
        String groupKey = null;
        try (PreparedStatement statement = Jdbc.prepare(connection, sql, parameters); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                ChargeLine line = Rows.line(row);
                String lineKey = line.carrier() + '\u0000' + line.serviceId() + '\u0000' + line.chargeCode() + '\u0000'
                        + (line.chargePeriod() != null ? line.chargePeriod() : line.billingPeriod() != null ? line.billingPeriod()
                        : line.invoiceDate()) + '\u0000' + line.amount().amount().stripTrailingZeros();
                if (!lineKey.equals(groupKey) && group.size() > 1) {
                    consumer.accept(new DuplicateGroup(group));
                }
                if (!lineKey.equals(groupKey)) {
                    group = new ArrayList<>();
                    groupKey = lineKey;
                }
                group.add(line);
            }
        }
        if (group.size() > 1) {
            consumer.accept(new DuplicateGroup(group));
        }
    }
}
