package org.bridgeline.store.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.Severity;
import org.bridgeline.store.AuditRunRecord;
import org.bridgeline.store.FindingTotal;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredFinding;

/** Audit runs and their findings: written in one transaction ({@link SqlAuditRunWriter}), read back whole. */
final class AuditRuns {

    private AuditRuns() {
    }

    /** An audit run's findings summed per kind and currency, by kind and currency. */
    static List<FindingTotal> totals(Connection connection, String tenant, long runId) throws SQLException {
        List<FindingTotal> totals = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT kind, currency, COUNT(*), SUM(monthly_impact), "
                + "SUM(annual_impact), SUM(COALESCE(recoverable, 0)) FROM bl_finding WHERE tenant = ? AND run_id = ? "
                + "GROUP BY kind, currency ORDER BY kind, currency")) {
            statement.setString(1, tenant);
            statement.setLong(2, runId);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    Currency currency = Currency.getInstance(row.getString(2));
                    totals.add(new FindingTotal(row.getString(1), row.getLong(3), new Money(Rows.decimal(row.getBigDecimal(4)), currency),
                            new Money(Rows.decimal(row.getBigDecimal(5)), currency), new Money(Rows.decimal(row.getBigDecimal(6)), currency)));
                }
            }
        }
        return totals;
    }

    /** Stores a run's findings in the order given, through the same writer an audit streams to. */
    static AuditRunRecord save(Database database, String tenant, Instant started, List<String> detectors, List<Finding> findings)
            throws StoreException {
        try (SqlAuditRunWriter writer = SqlAuditRunWriter.begin(database, tenant, started, detectors)) {
            long seq = 0;
            for (Finding finding : findings) {
                writer.write(finding, ++seq);
            }
            return writer.commit();
        }
    }

    static long next(Connection connection, String sequence) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet next = statement.executeQuery("SELECT nextval('" + sequence + "')")) {
            next.next();
            return next.getLong(1);
        }
    }

    static Optional<AuditRunRecord> latest(Connection connection, String tenant) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT run_id, started_at, finished_at, detectors, finding_count "
                + "FROM bl_audit_run WHERE tenant = ? ORDER BY run_id DESC LIMIT 1")) {
            query.setString(1, tenant);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String detectors = row.getString(4);
                return Optional.of(new AuditRunRecord(row.getLong(1), row.getTimestamp(2).toInstant(), row.getTimestamp(3).toInstant(),
                        detectors.isEmpty() ? List.of() : Arrays.asList(detectors.split(",")), row.getLong(5)));
            }
        }
    }

    /** Findings matching the condition (on the finding alias f), with their evidence, in stored order. */
    static List<StoredFinding> read(Connection connection, String condition, List<Object> parameters) throws SQLException {
        Map<Long, Object[]> heads = new LinkedHashMap<>();
        try (PreparedStatement query = Jdbc.prepare(connection, "SELECT f.finding_id, f.run_id, f.detector_id, f.kind, "
                + "f.severity, f.carrier, f.service_id, f.monthly_impact, f.annual_impact, f.currency, f.explanation, f.action, f.recoverable "
                + "FROM bl_finding f WHERE " + condition + " ORDER BY f.run_id, f.seq", parameters);
                ResultSet row = query.executeQuery()) {
            while (row.next()) {
                heads.put(row.getLong(1), new Object[] {row.getLong(2), row.getString(3), row.getString(4), row.getString(5),
                    row.getString(6), row.getString(7), Rows.decimal(row, "monthly_impact"), Rows.decimal(row, "annual_impact"),
                    row.getString(10), row.getString(11), row.getString(12), Rows.decimal(row, "recoverable")});
            }
        }
        Map<Long, List<ChargeLine>> evidence = new LinkedHashMap<>();
        heads.keySet().forEach(id -> evidence.put(id, new ArrayList<>()));
        try (PreparedStatement query = Jdbc.prepare(connection, "SELECT l.finding_id, " + Rows.LINE_COLUMNS
                + " FROM bl_finding_line l JOIN bl_finding f ON l.tenant = f.tenant AND l.finding_id = f.finding_id WHERE "
                + condition + " ORDER BY l.finding_id, l.line_no", parameters); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                evidence.get(row.getLong(1)).add(Rows.line(row, 1));
            }
        }
        List<StoredFinding> findings = new ArrayList<>();
        for (Map.Entry<Long, Object[]> head : heads.entrySet()) {
            Object[] f = head.getValue();
            Currency currency = Currency.getInstance((String) f[8]);
            findings.add(new StoredFinding(head.getKey(), (Long) f[0], new Finding((String) f[1], (String) f[2],
                    Severity.valueOf((String) f[3]), (String) f[4], (String) f[5], evidence.get(head.getKey()),
                    new Money((BigDecimal) f[6], currency), new Money((BigDecimal) f[7], currency), (String) f[9],
                    RecommendedAction.valueOf((String) f[10]), f[11] == null ? null : new Money((BigDecimal) f[11], currency))));
        }
        return findings;
    }
}
