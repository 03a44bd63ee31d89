package org.bridgeline.store.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Finding;
import org.bridgeline.store.AuditRunRecord;
import org.bridgeline.store.AuditStore;
import org.bridgeline.store.StoreException;

/**
 * An audit run written while its detectors find: findings go to the store in bulk on the run's own
 * connection and transaction, their ids taken from the sequence a block at a time, so memory holds
 * one block and what the bulk writers buffer, whatever the run's size.
 */
final class SqlAuditRunWriter implements AuditStore.AuditRunWriter {

    /** Each detector numbers its findings in a range of its own: the stored order is the detectors' order, whatever finishes first. */
    private static final long DETECTOR_RANGE = 1L << 32;
    /** Ids taken at a time; buffered rows are written into the transaction as often, so what the bulk writers hold stays small. */
    private static final int ID_BLOCK = 1_000;

    private final Connection connection;
    private final String tenant;
    private final long runId;
    private final Instant started;
    private final List<String> detectors;
    private final BulkRows findingRows;
    private final BulkRows evidenceRows;
    private final long[] addedBy;
    private final List<Integer> withdrawn = new ArrayList<>();
    private long[] ids = new long[0];
    private int nextId;
    private long findings;
    private boolean ended;

    private SqlAuditRunWriter(Connection connection, String tenant, long runId, Instant started, List<String> detectors, BulkRows findingRows,
            BulkRows evidenceRows) {
        this.connection = connection;
        this.tenant = tenant;
        this.runId = runId;
        this.started = started;
        this.detectors = List.copyOf(detectors);
        this.findingRows = findingRows;
        this.evidenceRows = evidenceRows;
        this.addedBy = new long[detectors.size() + 1];
    }

    /** Opens the run's connection and transaction and takes its id. */
    static SqlAuditRunWriter begin(Database database, String tenant, Instant startedAt, List<String> detectors) throws StoreException {
        Connection connection = database.connect(tenant);
        BulkRows findingRows = null;
        try {
            connection.setAutoCommit(false);
            long runId = AuditRuns.next(connection, "bl_audit_run_seq");
            findingRows = database.bulk(connection, "bl_finding");
            BulkRows evidenceRows = database.bulk(connection, "bl_finding_line");
            // the database keeps microseconds: the record returned is the record stored
            return new SqlAuditRunWriter(connection, tenant, runId, startedAt.truncatedTo(ChronoUnit.MICROS), detectors, findingRows,
                    evidenceRows);
        } catch (SQLException | RuntimeException e) {
            try (Connection closing = connection; BulkRows opened = findingRows) {
                closing.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof SQLException sql) {
                throw Database.failure("cannot begin the audit run", sql);
            }
            throw (RuntimeException) e;
        }
    }

    @Override
    public synchronized void add(String detectorId, Finding finding) throws StoreException {
        int place = detectors.indexOf(detectorId);
        place = place < 0 ? detectors.size() : place;
        write(finding, (place + 1L) * DETECTOR_RANGE + ++addedBy[place]);
    }

    /** Adds a finding at a place in the run's order of the caller's choosing. */
    synchronized void write(Finding finding, long seq) throws StoreException {
        if (ended) {
            throw new IllegalStateException("audit run " + runId + " has ended: no finding can be added");
        }
        // refused before a row is begun: a finding the store cannot keep exactly leaves no half-written row
        BigDecimal monthly = Decimals.exact(finding.monthlyImpact().amount(), "monthly impact", finding.kind());
        BigDecimal annual = Decimals.exact(finding.annualImpact().amount(), "annual impact", finding.kind());
        BigDecimal recoverable = Decimals.exact(finding.recoverable().amount(), "recoverable", finding.kind());
        try {
            long findingId = nextId();
            findingRows.beginRow();
            findingRows.text(tenant);
            findingRows.bigint(findingId);
            findingRows.bigint(runId);
            findingRows.bigint(seq);
            findingRows.text(finding.detectorId());
            findingRows.text(finding.kind());
            findingRows.text(finding.severity().name());
            findingRows.text(finding.carrier());
            findingRows.text(finding.serviceId());
            findingRows.decimal(monthly);
            findingRows.decimal(annual);
            findingRows.text(finding.monthlyImpact().currency().getCurrencyCode());
            findingRows.text(finding.explanation());
            findingRows.text(finding.action().name());
            findingRows.decimal(recoverable);
            findingRows.endRow();
            long lineNo = 0;
            for (ChargeLine line : finding.evidence()) {
                LineColumns.appendRow(evidenceRows, tenant, findingId, ++lineNo, line);
            }
            findings++;
        } catch (SQLException e) {
            throw Database.failure("cannot store a finding of " + finding.detectorId() + " in audit run " + runId, e);
        }
    }

    /**
     * The next finding id. Ids are taken a block at a time on the run's own connection, so an audit
     * holds no connection but its own however many it finds; PostgreSQL's COPY keeps a connection to
     * itself, so what is buffered is written first.
     */
    private long nextId() throws SQLException {
        if (nextId == ids.length) {
            flush();
            ids = new long[ID_BLOCK];
            try (Statement statement = connection.createStatement();
                    var value = statement.executeQuery("SELECT nextval('bl_finding_seq') FROM generate_series(1, " + ID_BLOCK + ")")) {
                for (int i = 0; i < ID_BLOCK && value.next(); i++) {
                    ids[i] = value.getLong(1);
                }
            }
            nextId = 0;
        }
        return ids[nextId++];
    }

    private void flush() throws SQLException {
        findingRows.flush();
        evidenceRows.flush();
    }

    @Override
    public synchronized void withdraw(String detectorId) {
        int place = detectors.indexOf(detectorId);
        place = place < 0 ? detectors.size() : place;
        findings -= addedBy[place];
        addedBy[place] = 0;
        // deleted at commit, once every buffered row is in the transaction
        withdrawn.add(place);
    }

    @Override
    public synchronized long findings() {
        return findings;
    }

    @Override
    public synchronized AuditRunRecord commit() throws StoreException {
        if (ended) {
            throw new IllegalStateException("audit run " + runId + " has ended");
        }
        try {
            flush();
            for (int place : withdrawn) {
                long from = (place + 1L) * DETECTOR_RANGE;
                Jdbc.update(connection, "DELETE FROM bl_finding_line WHERE tenant = ? AND finding_id IN (SELECT finding_id FROM bl_finding "
                        + "WHERE tenant = ? AND run_id = ? AND seq >= ? AND seq < ?)", tenant, tenant, runId, from, from + DETECTOR_RANGE);
                Jdbc.update(connection, "DELETE FROM bl_finding WHERE tenant = ? AND run_id = ? AND seq >= ? AND seq < ?", tenant, runId, from,
                        from + DETECTOR_RANGE);
            }
            Instant finished = Instant.now().truncatedTo(ChronoUnit.MICROS);
            try (PreparedStatement run = connection.prepareStatement("INSERT INTO bl_audit_run (tenant, run_id, started_at, "
                    + "finished_at, detectors, finding_count) VALUES (?, ?, ?, ?, ?, ?)")) {
                run.setString(1, tenant);
                run.setLong(2, runId);
                run.setTimestamp(3, Timestamp.from(started));
                run.setTimestamp(4, Timestamp.from(finished));
                run.setString(5, String.join(",", detectors));
                run.setLong(6, findings);
                run.executeUpdate();
            }
            connection.commit();
            ended = true;
            return new AuditRunRecord(runId, started, finished, detectors, findings);
        } catch (SQLException e) {
            throw Database.failure("cannot store audit run " + runId + " with its " + findings + " findings", e);
        }
    }

    @Override
    public synchronized void close() throws StoreException {
        SQLException failed = null;
        for (AutoCloseable step : new AutoCloseable[] {() -> {
            if (!ended) {
                ended = true;
                connection.rollback();
            }
        }, findingRows, evidenceRows, () -> connection.setAutoCommit(true), connection}) {
            try {
                step.close();
            } catch (Exception e) {
                SQLException sql = e instanceof SQLException s ? s : new SQLException(e.getMessage(), e);
                if (failed == null) {
                    failed = sql;
                } else {
                    failed.addSuppressed(sql);
                }
            }
        }
        if (failed != null) {
            throw Database.failure("cannot end audit run " + runId, failed);
        }
    }
}
