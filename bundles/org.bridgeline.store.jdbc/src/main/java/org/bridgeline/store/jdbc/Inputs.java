package org.bridgeline.store.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ContractRate;
import org.bridgeline.api.model.ContractService;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.PostTermRule;
import org.bridgeline.api.model.Requirement;
import org.bridgeline.api.model.ServiceOrder;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.api.model.SlaTerms;
import org.bridgeline.store.StoreException;

/**
 * Contracts, expected inventory and orders: each import a new version in one transaction; reads
 * return the current version. A contract or an order is versioned by its id; the expected
 * inventory as a whole.
 */
final class Inputs {

    private Inputs() {
    }

    static int saveContracts(Connection connection, String tenant, String source, List<Contract> contracts)
            throws SQLException, StoreException {
        return inTransaction(connection, () -> {
            Timestamp now = Timestamp.from(Instant.now());
            for (Contract contract : contracts) {
                int version = nextVersion(connection, "bl_contract", tenant, "carrier = ? AND contract_id = ?", contract.carrier(),
                        contract.contractId());
                update(connection, "UPDATE bl_contract SET current_version = FALSE WHERE tenant = ? AND carrier = ? AND contract_id = ?",
                        tenant, contract.carrier(), contract.contractId());
                SlaTerms sla = contract.sla();
                update(connection, "INSERT INTO bl_contract (tenant, carrier, contract_id, version, current_version, term_start, term_end, "
                        + "auto_renewal, renewal_months, committed_spend, committed_currency, sla_availability, sla_repair_minutes, "
                        + "sla_credit_percent, source, imported_at, late_fees_waived, post_term, post_term_uplift) "
                        + "VALUES (?, ?, ?, ?, TRUE, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        tenant, contract.carrier(), contract.contractId(), version, Date.valueOf(contract.term().start()),
                        Date.valueOf(contract.term().end()), contract.autoRenewal(), contract.renewalTermMonths(),
                        contract.committedSpend() == null ? null : Decimals.exact(contract.committedSpend().amount(), "committed spend", source),
                        contract.committedSpend() == null ? null : contract.committedSpend().currency().getCurrencyCode(),
                        Decimals.exact(sla.availabilityPercent(), "SLA availability", source),
                        sla.timeToRepair() == null ? null : sla.timeToRepair().toMinutes(),
                        Decimals.exact(sla.creditPercent(), "SLA credit", source), source, now, contract.lateFeesWaived(),
                        contract.postTerm().kind().name(), Decimals.exact(contract.postTerm().upliftPercent(), "post-term uplift", source));
                int[] seq = {0};
                RateWriter rates = (rate, role, schedule) -> update(connection, "INSERT INTO bl_contract_rate (tenant, carrier, contract_id, "
                        + "version, seq, service_type, charge_code, bandwidth_mbps, category, rate, currency, unit, rate_role, schedule_seq) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        tenant, contract.carrier(), contract.contractId(), version, ++seq[0],
                        rate.serviceType() == null ? null : rate.serviceType().name(), rate.chargeCode(),
                        Decimals.exact(rate.bandwidthMbps(), "bandwidth", source), rate.category().name(),
                        Decimals.exact(rate.rate().amount(), "rate", source), rate.rate().currency().getCurrencyCode(), rate.unit(), role,
                        schedule);
                for (ContractRate rate : contract.rates()) {
                    rates.write(rate, "AGREEMENT", null);
                }
                for (ContractRate rate : contract.postTerm().listPrices()) {
                    rates.write(rate, "LIST", null);
                }
                int entry = 0;
                for (ContractService service : contract.services()) {
                    entry++;
                    update(connection, "INSERT INTO bl_contract_service (tenant, carrier, contract_id, version, seq, service_id, service_type, "
                            + "site, term_start, term_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", tenant, contract.carrier(),
                            contract.contractId(), version, entry, service.serviceId(),
                            service.serviceType() == null ? null : service.serviceType().name(), service.site(),
                            Date.valueOf(service.term().start()), Date.valueOf(service.term().end()));
                    for (ContractRate rate : service.rates()) {
                        rates.write(rate, "SCHEDULE", entry);
                    }
                }
            }
            return contracts.size();
        });
    }

    private interface RateWriter {
        void write(ContractRate rate, String role, Integer schedule) throws SQLException, StoreException;
    }

    /** A contract's rates by role, as stored: the agreement's, the list prices, and each schedule entry's. */
    private static final class StoredRates {
        final List<ContractRate> agreement = new ArrayList<>();
        final List<ContractRate> list = new ArrayList<>();
        final Map<Integer, List<ContractRate>> schedule = new LinkedHashMap<>();
    }

    static List<Contract> contracts(Connection connection, String tenant, String carrier) throws SQLException {
        List<Object> parameters = carrier == null ? List.of(tenant) : List.of(tenant, carrier);
        String current = " JOIN bl_contract c ON c.tenant = x.tenant AND c.carrier = x.carrier AND c.contract_id = x.contract_id "
                + "AND c.version = x.version WHERE c.tenant = ? AND c.current_version" + (carrier == null ? "" : " AND c.carrier = ?");
        Map<String, StoredRates> rates = new LinkedHashMap<>();
        try (PreparedStatement query = Jdbc.prepare(connection, "SELECT x.carrier, x.contract_id, x.service_type, x.charge_code, "
                + "x.bandwidth_mbps, x.category, x.rate, x.currency, x.unit, x.rate_role, x.schedule_seq FROM bl_contract_rate x" + current
                + " ORDER BY x.carrier, x.contract_id, x.seq", parameters); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                StoredRates of = rates.computeIfAbsent(row.getString(1) + '\u0000' + row.getString(2), k -> new StoredRates());
                ContractRate rate = new ContractRate(row.getString(3) == null ? null : ServiceType.valueOf(row.getString(3)), row.getString(4),
                        Rows.decimal(row, "bandwidth_mbps"), ChargeCategory.valueOf(row.getString(6)),
                        new Money(Rows.decimal(row, "rate"), Currency.getInstance(row.getString(8))), row.getString(9));
                switch (row.getString("rate_role")) {
                    case "LIST" -> of.list.add(rate);
                    case "SCHEDULE" -> of.schedule.computeIfAbsent(row.getInt("schedule_seq"), k -> new ArrayList<>()).add(rate);
                    default -> of.agreement.add(rate);
                }
            }
        }
        Map<String, List<ContractService>> schedules = new LinkedHashMap<>();
        try (PreparedStatement query = Jdbc.prepare(connection, "SELECT x.carrier, x.contract_id, x.seq, x.service_id, "
                + "x.service_type, x.site, x.term_start, x.term_end FROM bl_contract_service x" + current
                + " ORDER BY x.carrier, x.contract_id, x.seq", parameters); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                String key = row.getString(1) + '\u0000' + row.getString(2);
                StoredRates of = rates.get(key);
                schedules.computeIfAbsent(key, k -> new ArrayList<>()).add(new ContractService(row.getString(4),
                        row.getString(5) == null ? null : ServiceType.valueOf(row.getString(5)), row.getString(6),
                        Period.of(Rows.date(row, "term_start"), Rows.date(row, "term_end")),
                        of == null ? List.of() : of.schedule.getOrDefault(row.getInt(3), List.of())));
            }
        }
        List<Contract> contracts = new ArrayList<>();
        try (PreparedStatement query = Jdbc.prepare(connection, "SELECT carrier, contract_id, term_start, term_end, auto_renewal, "
                + "renewal_months, committed_spend, committed_currency, sla_availability, sla_repair_minutes, sla_credit_percent, "
                + "late_fees_waived, post_term, post_term_uplift FROM bl_contract WHERE tenant = ? AND current_version"
                + (carrier == null ? "" : " AND carrier = ?") + " ORDER BY carrier, contract_id", parameters);
                ResultSet row = query.executeQuery()) {
            while (row.next()) {
                long repair = row.getLong("sla_repair_minutes");
                boolean noRepair = row.wasNull();
                String key = row.getString(1) + '\u0000' + row.getString(2);
                StoredRates of = rates.getOrDefault(key, new StoredRates());
                PostTermRule postTerm = new PostTermRule(PostTermRule.Kind.valueOf(row.getString("post_term")),
                        Rows.decimal(row, "post_term_uplift"), of.list);
                contracts.add(new Contract(row.getString(1), row.getString(2), Period.of(Rows.date(row, "term_start"),
                        Rows.date(row, "term_end")), row.getBoolean("auto_renewal"), row.getInt("renewal_months"),
                        row.getString("committed_currency") == null ? null : new Money(Rows.decimal(row, "committed_spend"),
                                Currency.getInstance(row.getString("committed_currency"))),
                        of.agreement, new SlaTerms(Rows.decimal(row, "sla_availability"), noRepair ? null : Duration.ofMinutes(repair),
                                Rows.decimal(row, "sla_credit_percent")), row.getBoolean("late_fees_waived"), postTerm,
                        schedules.getOrDefault(key, List.of())));
            }
        }
        return contracts;
    }

    static int saveExpectedInventory(Database database, Connection connection, String tenant, String source, List<ExpectedService> services)
            throws SQLException, StoreException {
        return inTransaction(connection, () -> {
            int version = nextVersion(connection, "bl_expected_inventory", tenant, "TRUE");
            Timestamp now = Timestamp.from(Instant.now());
            update(connection, "INSERT INTO bl_expected_inventory (tenant, version, source, imported_at, service_count) VALUES (?, ?, ?, ?, ?)",
                    tenant, version, source, now, services.size());
            // a hundred thousand services is an ordinary inventory: bulk rows, inside the transaction the insert above opened
            try (BulkRows rows = database.bulk(connection, "bl_expected_service")) {
                LocalDateTime at = now.toLocalDateTime();
                for (ExpectedService service : services) {
                    BigDecimal bandwidth = Decimals.exact(service.bandwidthMbps(), "bandwidth", source);
                    rows.beginRow();
                    rows.text(tenant);
                    rows.integer(version);
                    rows.text(service.carrier());
                    rows.text(service.serviceId());
                    rows.text(service.site());
                    rows.text(service.serviceType().name());
                    rows.decimal(bandwidth);
                    rows.text(service.status());
                    rows.text(source);
                    rows.timestamp(at);
                    rows.text(service.features().isEmpty() ? null : String.join(";", service.features()));
                    rows.decimal(service.expectedMonthly() == null ? null
                            : Decimals.exact(service.expectedMonthly().amount(), "expected monthly cost", source));
                    rows.text(service.expectedMonthly() == null ? null
                            : service.expectedMonthly().currency().getCurrencyCode());
                    rows.date(service.installed());
                    rows.integer(service.termMonths() == 0 ? null : service.termMonths());
                    rows.date(service.disconnected());
                    rows.endRow();
                }
                rows.flush();
            }
            return version;
        });
    }

    static List<ExpectedService> expectedInventory(Connection connection, String tenant) throws SQLException {
        List<ExpectedService> services = new ArrayList<>();
        // hundreds of thousands of services share a few carriers, statuses, sites and feature lists: each is kept once
        Map<String, String> texts = new HashMap<>();
        Map<String, List<String>> featureLists = new HashMap<>();
        // a row crosses the driver as one packed text (Packed): hundreds of thousands of services, a dozen values each
        try (PreparedStatement query = Jdbc.prepare(connection, "SELECT " + Packed.sql("carrier", "service_id", "site", "service_type",
                "bandwidth_mbps", "status", "features", "expected_monthly", "expected_currency", "installed", "term_months", "disconnected")
                + " FROM bl_expected_service WHERE tenant = ? AND version = (SELECT MAX(version) FROM bl_expected_inventory "
                + "WHERE tenant = ?) ORDER BY carrier, service_id", List.of(tenant, tenant)); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                Packed values = new Packed(row.getString(1));
                String carrier = once(texts, values.text());
                String serviceId = values.text();
                String site = once(texts, values.text());
                ServiceType type = ServiceType.valueOf(values.text());
                BigDecimal bandwidth = values.decimal();
                String status = once(texts, values.text());
                String features = values.text();
                BigDecimal monthly = values.decimal();
                String currency = values.text();
                LocalDate installed = values.date();
                String term = values.text();
                int termMonths = term == null ? 0 : Integer.parseInt(term);
                LocalDate disconnected = values.date();
                services.add(new ExpectedService(carrier, serviceId, site, type, bandwidth, status,
                        features == null ? List.of() : featureLists.computeIfAbsent(features, f -> List.of(f.split(";"))),
                        currency == null ? null : new Money(monthly, Currency.getInstance(currency)), installed, termMonths, disconnected));
            }
        }
        return services;
    }

    private static String once(Map<String, String> texts, String text) {
        return text == null ? null : texts.computeIfAbsent(text, t -> t);
    }

    static int saveRequirements(Connection connection, String tenant, String source, List<Requirement> requirements)
            throws SQLException, StoreException {
        return inTransaction(connection, () -> {
            int version = nextVersion(connection, "bl_requirement_set", tenant, "TRUE");
            update(connection, "INSERT INTO bl_requirement_set (tenant, version, source, imported_at, requirement_count) VALUES (?, ?, ?, ?, ?)",
                    tenant, version, source, Timestamp.from(Instant.now()), requirements.size());
            int seq = 0;
            for (Requirement r : requirements) {
                update(connection, "INSERT INTO bl_requirement (tenant, version, seq, site, service_type, bandwidth_mbps, needed_by, "
                        + "availability_percent, repair_minutes, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", tenant, version, ++seq,
                        r.site(), r.serviceType().name(), Decimals.exact(r.bandwidthMbps(), "bandwidth", source), Date.valueOf(r.neededBy()),
                        Decimals.exact(r.sla().availabilityPercent(), "availability", source),
                        r.sla().timeToRepair() == null ? null : r.sla().timeToRepair().toMinutes(), r.notes());
            }
            return version;
        });
    }

    static List<Requirement> requirements(Connection connection, String tenant) throws SQLException {
        List<Requirement> requirements = new ArrayList<>();
        try (PreparedStatement query = Jdbc.prepare(connection, "SELECT site, service_type, bandwidth_mbps, needed_by, "
                + "availability_percent, repair_minutes, notes FROM bl_requirement WHERE tenant = ? AND version = (SELECT MAX(version) "
                + "FROM bl_requirement_set WHERE tenant = ?) ORDER BY seq", List.of(tenant, tenant)); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                long repair = row.getLong(6);
                boolean noRepair = row.wasNull();
                requirements.add(new Requirement(row.getString(1), ServiceType.valueOf(row.getString(2)), Rows.decimal(row.getBigDecimal(3)),
                        Rows.date(row, "needed_by"), new SlaTerms(Rows.decimal(row.getBigDecimal(5)), noRepair ? null : Duration.ofMinutes(repair),
                        null), row.getString(7)));
            }
        }
        return requirements;
    }

    static int saveOrders(Connection connection, String tenant, String source, List<ServiceOrder> orders)
            throws SQLException, StoreException {
        return inTransaction(connection, () -> {
            Timestamp now = Timestamp.from(Instant.now());
            for (ServiceOrder order : orders) {
                int version = nextVersion(connection, "bl_service_order", tenant, "carrier = ? AND order_id = ?", order.carrier(),
                        order.orderId());
                update(connection, "UPDATE bl_service_order SET current_version = FALSE WHERE tenant = ? AND carrier = ? AND order_id = ?",
                        tenant, order.carrier(), order.orderId());
                update(connection, "INSERT INTO bl_service_order (tenant, carrier, order_id, version, current_version, service_id, kind, "
                        + "effective, detail, source, imported_at, feature) VALUES (?, ?, ?, ?, TRUE, ?, ?, ?, ?, ?, ?, ?)", tenant,
                        order.carrier(), order.orderId(), version, order.serviceId(), order.kind().name(), Date.valueOf(order.effective()),
                        order.detail(), source, now, order.feature());
            }
            return orders.size();
        });
    }

    static List<ServiceOrder> orders(Connection connection, String tenant, String carrier) throws SQLException {
        List<ServiceOrder> orders = new ArrayList<>();
        try (PreparedStatement query = Jdbc.prepare(connection, "SELECT order_id, carrier, service_id, kind, effective, detail, "
                + "feature FROM bl_service_order WHERE tenant = ? AND current_version" + (carrier == null ? "" : " AND carrier = ?")
                + " ORDER BY effective, carrier, order_id", carrier == null ? List.of(tenant) : List.of(tenant, carrier));
                ResultSet row = query.executeQuery()) {
            while (row.next()) {
                orders.add(new ServiceOrder(row.getString(1), row.getString(2), row.getString(3), ServiceOrder.Kind.valueOf(row.getString(4)),
                        Rows.date(row, "effective"), row.getString(6), row.getString(7)));
            }
        }
        return orders;
    }

    private interface Work {
        int run() throws SQLException, StoreException;
    }

    private static int inTransaction(Connection connection, Work work) throws SQLException, StoreException {
        connection.setAutoCommit(false);
        try {
            int result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | StoreException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static int nextVersion(Connection connection, String table, String tenant, String condition, Object... key) throws SQLException {
        List<Object> parameters = new ArrayList<>(List.of(tenant));
        parameters.addAll(List.of(key));
        try (PreparedStatement query = Jdbc.prepare(connection, "SELECT COALESCE(MAX(version), 0) + 1 FROM " + table
                + " WHERE tenant = ? AND " + condition, parameters); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = Jdbc.prepare(connection, sql, java.util.Arrays.asList(parameters))) {
            statement.executeUpdate();
        }
    }
}
