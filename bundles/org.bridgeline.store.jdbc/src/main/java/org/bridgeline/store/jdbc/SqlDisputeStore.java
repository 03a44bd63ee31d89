package org.bridgeline.store.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bridgeline.api.model.Money;
import org.bridgeline.store.DisputeConflictException;
import org.bridgeline.store.DisputeCredit;
import org.bridgeline.store.DisputeEvent;
import org.bridgeline.store.DisputeRecord;
import org.bridgeline.store.DisputeState;
import org.bridgeline.store.DisputeStore;
import org.bridgeline.store.DisputedFinding;
import org.bridgeline.store.StoreException;

/**
 * The dispute role over {@code bl_dispute} and its findings, events and credits. Every write runs in
 * one transaction under the tenant's exclusive "dispute" hold, so the checks it makes (no finding in
 * two open disputes, the state the caller read) hold against other runtimes on the same database.
 */
public class SqlDisputeStore implements DisputeStore {

    private static final String HOLD = "dispute";

    private final Database database;

    public SqlDisputeStore(Database database) {
        this.database = database;
    }

    @Override
    public DisputeRecord open(String tenant, String carrier, String account, List<DisputedFinding> findings, DisputeEvent opened)
            throws StoreException {
        if (findings.isEmpty()) {
            throw new IllegalArgumentException("a dispute needs at least one finding");
        }
        Currency currency = findings.get(0).claimed().currency();
        Money claimed = new Money(BigDecimal.ZERO, currency);
        for (DisputedFinding finding : findings) {
            claimed = claimed.plus(finding.claimed()); // refuses a second currency: one dispute, one currency
        }
        Money total = claimed;
        try (Database.Hold hold = database.exclusive(tenant, HOLD)) {
            return database.with(tenant, "cannot open a dispute", c -> inTransaction(c, () -> {
                conflicts(c, tenant, 0, findings);
                long id;
                try (Statement statement = c.createStatement(); ResultSet next = statement.executeQuery("SELECT nextval('bl_dispute_seq')")) {
                    next.next();
                    id = next.getLong(1);
                }
                Jdbc.update(c, "INSERT INTO bl_dispute (tenant, dispute_id, carrier, account, state, claimed, currency, opened_at, submitted_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", tenant, id, carrier, account, opened.to().name(), total.amount(),
                        currency.getCurrencyCode(), Jdbc.timestamp(opened.at()),
                        Jdbc.timestamp(opened.to() == DisputeState.DRAFT ? null : opened.at()));
                for (DisputedFinding finding : findings) {
                    Jdbc.update(c, "INSERT INTO bl_dispute_finding (tenant, dispute_id, finding_id, kind, service_id, charge_code, anomaly_key, "
                            + "claimed, currency, explanation, resolved_on, monthly_impact) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", tenant, id,
                            finding.findingId(), finding.kind(), finding.serviceId(), finding.chargeCode(), finding.anomalyKey(),
                            finding.claimed().amount(), finding.claimed().currency().getCurrencyCode(), finding.explanation(),
                            finding.resolvedOn() == null ? null : java.sql.Date.valueOf(finding.resolvedOn()),
                            finding.monthlyImpact() == null ? null : finding.monthlyImpact().amount());
                }
                event(c, tenant, id, 1, opened);
                return read(c, tenant, id).orElseThrow();
            }));
        }
    }

    @Override
    public List<DisputeRecord> disputes(String tenant) throws StoreException {
        return database.with(tenant, "cannot read disputes", c -> readAll(c, tenant, null));
    }

    @Override
    public Optional<DisputeRecord> dispute(String tenant, long disputeId) throws StoreException {
        return database.with(tenant, "cannot read dispute " + disputeId, c -> read(c, tenant, disputeId));
    }

    @Override
    public DisputeRecord change(String tenant, long disputeId, DisputeState expected, DisputeEvent event, List<DisputeCredit> added,
            List<DisputeCredit> decided) throws StoreException {
        try (Database.Hold hold = database.exclusive(tenant, HOLD)) {
            return database.with(tenant, "cannot change dispute " + disputeId, c -> inTransaction(c, () -> {
                DisputeRecord current = read(c, tenant, disputeId)
                        .orElseThrow(() -> new StoreException("dispute " + disputeId + " does not exist"));
                if (current.state() != expected) {
                    throw new DisputeConflictException("dispute " + disputeId + " is " + current.state() + " now, not " + expected
                            + ": it was changed meanwhile; look at it again");
                }
                if (event.to().open() && !current.state().open()) {
                    conflicts(c, tenant, disputeId, current.findings());
                }
                Jdbc.update(c, "UPDATE bl_dispute SET state = ?, submitted_at = COALESCE(submitted_at, ?) WHERE tenant = ? AND dispute_id = ?",
                        event.to().name(), Jdbc.timestamp(event.to() == DisputeState.DRAFT ? null : event.at()), tenant, disputeId);
                event(c, tenant, disputeId, current.history().size() + 1, event);
                int seq = current.credits().size();
                java.util.Set<String> held = new java.util.HashSet<>();
                current.credits().forEach(credit -> held.add(credit.lineKey()));
                for (DisputeCredit credit : added) {
                    // a dispute holds a bill's line once, though two runtimes matching at once both offer it
                    if (held.add(credit.lineKey())) {
                        credit(c, tenant, disputeId, ++seq, credit);
                    }
                }
                for (DisputeCredit credit : decided) {
                    Jdbc.update(c, "UPDATE bl_dispute_credit SET status = ?, reason = ? WHERE tenant = ? AND dispute_id = ? AND seq = ?",
                            credit.status().name(), credit.reason(), tenant, disputeId, credit.seq());
                }
                return read(c, tenant, disputeId).orElseThrow();
            }));
        }
    }

    @Override
    public DisputeRecord resolve(String tenant, long disputeId, Map<Long, java.time.LocalDate> resolved, DisputeEvent event)
            throws StoreException {
        try (Database.Hold hold = database.exclusive(tenant, HOLD)) {
            return database.with(tenant, "cannot record what dispute " + disputeId + " no longer sees billed", c -> inTransaction(c, () -> {
                DisputeRecord current = read(c, tenant, disputeId)
                        .orElseThrow(() -> new StoreException("dispute " + disputeId + " does not exist"));
                for (Map.Entry<Long, java.time.LocalDate> finding : resolved.entrySet()) {
                    Jdbc.update(c, "UPDATE bl_dispute_finding SET resolved_on = ? WHERE tenant = ? AND dispute_id = ? AND finding_id = ?",
                            java.sql.Date.valueOf(finding.getValue()), tenant, disputeId, finding.getKey());
                }
                event(c, tenant, disputeId, current.history().size() + 1, event);
                return read(c, tenant, disputeId).orElseThrow();
            }));
        }
    }

    /** Refuses findings whose anomaly another open dispute (not {@code self}) holds. */
    private static void conflicts(Connection c, String tenant, long self, List<DisputedFinding> findings) throws SQLException, StoreException {
        for (DisputedFinding finding : findings) {
            try (PreparedStatement statement = Jdbc.prepare(c, "SELECT d.dispute_id, d.state FROM bl_dispute_finding f JOIN bl_dispute d "
                    + "ON f.tenant = d.tenant AND f.dispute_id = d.dispute_id WHERE f.tenant = ? AND f.anomaly_key = ? AND d.dispute_id <> ? "
                    + "AND d.state NOT IN ('CREDITED', 'DENIED') ORDER BY d.dispute_id LIMIT 1", List.<Object>of(tenant, finding.anomalyKey(), self));
                    ResultSet row = statement.executeQuery()) {
                if (row.next()) {
                    throw new DisputeConflictException("finding " + finding.findingId() + " (" + finding.kind()
                            + (finding.serviceId() == null ? "" : " on " + finding.serviceId()) + ") is held by open dispute "
                            + row.getLong(1) + " (" + row.getString(2) + ")");
                }
            }
        }
    }

    private static void event(Connection c, String tenant, long id, int seq, DisputeEvent event) throws SQLException {
        Jdbc.update(c, "INSERT INTO bl_dispute_event (tenant, dispute_id, seq, changed_at, actor, from_state, to_state, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                tenant, id, seq, Jdbc.timestamp(event.at()), event.actor(), event.from() == null ? null : event.from().name(),
                event.to().name(), event.note());
    }

    private static void credit(Connection c, String tenant, long id, int seq, DisputeCredit credit) throws SQLException {
        Jdbc.update(c, "INSERT INTO bl_dispute_credit (tenant, dispute_id, seq, line_key, invoice_number, invoice_date, service_id, charge_code, "
                + "description, line_amount, applied, currency, source_file, source_record, status, reason) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", tenant, id, seq, credit.lineKey(), credit.invoiceNumber(),
                java.sql.Date.valueOf(credit.invoiceDate()), credit.serviceId(), credit.chargeCode(), credit.description(),
                credit.lineAmount().amount(), credit.applied().amount(), credit.applied().currency().getCurrencyCode(), credit.file(),
                credit.record(), credit.status().name(), credit.reason());
    }

    private static Optional<DisputeRecord> read(Connection c, String tenant, long id) throws SQLException {
        return readAll(c, tenant, id).stream().findFirst();
    }

    /** The tenant's disputes (or one), newest first, each with its findings, events and credits: four reads, whatever their number. */
    private static List<DisputeRecord> readAll(Connection c, String tenant, Long only) throws SQLException {
        String where = " WHERE tenant = ?" + (only == null ? "" : " AND dispute_id = ?");
        List<Object> parameters = only == null ? List.<Object>of(tenant) : List.<Object>of(tenant, only);
        Map<Long, Object[]> heads = new LinkedHashMap<>();
        Map<Long, List<DisputedFinding>> findings = new LinkedHashMap<>();
        Map<Long, List<DisputeEvent>> events = new LinkedHashMap<>();
        Map<Long, List<DisputeCredit>> credits = new LinkedHashMap<>();
        try (PreparedStatement statement = Jdbc.prepare(c, "SELECT dispute_id, carrier, account, state, claimed, currency, opened_at, submitted_at "
                + "FROM bl_dispute" + where + " ORDER BY dispute_id DESC", parameters); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                long id = row.getLong(1);
                heads.put(id, new Object[] {row.getString(2), row.getString(3), DisputeState.valueOf(row.getString(4)),
                        new Money(Rows.decimal(row.getBigDecimal(5)), Currency.getInstance(row.getString(6))), Jdbc.instant(row.getTimestamp(7)),
                        Jdbc.instant(row.getTimestamp(8))});
                findings.put(id, new ArrayList<>());
                events.put(id, new ArrayList<>());
                credits.put(id, new ArrayList<>());
            }
        }
        if (heads.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement statement = Jdbc.prepare(c, "SELECT dispute_id, finding_id, kind, service_id, charge_code, anomaly_key, claimed, "
                + "currency, explanation, resolved_on, monthly_impact FROM bl_dispute_finding" + where + " ORDER BY dispute_id, finding_id",
                parameters); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                java.sql.Date resolved = row.getDate(10);
                Currency currency = Currency.getInstance(row.getString(8));
                BigDecimal monthly = Rows.decimal(row.getBigDecimal(11));
                findings.get(row.getLong(1)).add(new DisputedFinding(row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                        row.getString(6), new Money(Rows.decimal(row.getBigDecimal(7)), currency), monthly == null ? null : new Money(monthly, currency),
                        row.getString(9), resolved == null ? null : resolved.toLocalDate()));
            }
        }
        try (PreparedStatement statement = Jdbc.prepare(c, "SELECT dispute_id, changed_at, actor, from_state, to_state, note FROM bl_dispute_event"
                + where + " ORDER BY dispute_id, seq", parameters); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                String from = row.getString(4);
                events.get(row.getLong(1)).add(new DisputeEvent(Jdbc.instant(row.getTimestamp(2)), row.getString(3),
                        from == null ? null : DisputeState.valueOf(from), DisputeState.valueOf(row.getString(5)), row.getString(6)));
            }
        }
        try (PreparedStatement statement = Jdbc.prepare(c, "SELECT dispute_id, seq, line_key, invoice_number, invoice_date, service_id, charge_code, "
                + "description, line_amount, applied, currency, source_file, source_record, status, reason FROM bl_dispute_credit" + where
                + " ORDER BY dispute_id, seq", parameters); ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                Currency currency = Currency.getInstance(row.getString(11));
                credits.get(row.getLong(1)).add(new DisputeCredit(row.getInt(2), row.getString(3), row.getString(4),
                        row.getDate(5).toLocalDate(), row.getString(6), row.getString(7), row.getString(8),
                        new Money(Rows.decimal(row.getBigDecimal(9)), currency), new Money(Rows.decimal(row.getBigDecimal(10)), currency),
                        row.getString(12), row.getLong(13), DisputeCredit.Status.valueOf(row.getString(14)), row.getString(15)));
            }
        }
        List<DisputeRecord> disputes = new ArrayList<>();
        heads.forEach((id, head) -> disputes.add(new DisputeRecord(id, (String) head[0], (String) head[1], (DisputeState) head[2],
                (Money) head[3], (Instant) head[4], (Instant) head[5], findings.get(id), events.get(id), credits.get(id))));
        return disputes;
    }

    @FunctionalInterface
    private interface Step<T> {
        T run() throws SQLException, StoreException;
    }

    private static <T> T inTransaction(Connection c, Step<T> step) throws SQLException, StoreException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = step.run();
            c.commit();
            return result;
        } catch (SQLException | StoreException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
