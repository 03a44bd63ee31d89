package org.bridgeline.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bridgeline.store.IntakeJob;
import org.bridgeline.store.IntakeStore;
import org.bridgeline.store.StoreException;

/**
 * The intake role: one row per bill in {@code bl_intake_job}, claimed in a short transaction of its
 * own ({@link Database#claimingRows()} keeps two runtimes claiming at once apart), then held under a
 * lease its holder renews. The queue is every tenant's, so its connections belong to no tenant.
 */
public class SqlIntakeStore implements IntakeStore {

    private static final String NO_TENANT = "";
    private static final String COLUMNS = "tenant, intake_id, file_name, state, received_at, started_at, finished_at, holder, "
            + "lease_until, attempts, audit_run_id, reason, report_json";

    private final Database database;

    public SqlIntakeStore(Database database) {
        this.database = database;
    }

    @Override
    public boolean shared() {
        return database.shared();
    }

    @Override
    public boolean register(IntakeJob job) throws StoreException {
        return database.with(NO_TENANT, "cannot record bill " + job.tenant() + "/" + job.id(), c -> Jdbc.update(c,
                "INSERT INTO bl_intake_job (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                job.tenant(), job.id(), job.file(), job.state(), Jdbc.timestamp(job.receivedAt()), Jdbc.timestamp(job.startedAt()),
                Jdbc.timestamp(job.finishedAt()), job.holder(), Jdbc.timestamp(job.leaseUntil()), job.attempts(), job.auditRunId(),
                job.reason(), job.reportJson()) == 1);
    }

    @Override
    public Optional<IntakeJob> claim(String holder, Instant now, Instant leaseUntil) throws StoreException {
        return database.with(NO_TENANT, "cannot claim a bill", c -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Optional<IntakeJob> found = jobs(c, "WHERE state IN ('RECEIVED', 'PROCESSING', 'IMPORTED') AND (state = 'RECEIVED' OR lease_until < ?) "
                        + "ORDER BY received_at, intake_id LIMIT 1" + database.claimingRows(), Jdbc.timestamp(now)).stream().findFirst();
                if (found.isPresent()) {
                    IntakeJob job = found.get();
                    String state = job.state().equals(IntakeJob.IMPORTED) ? IntakeJob.IMPORTED : IntakeJob.PROCESSING;
                    Jdbc.update(c, "UPDATE bl_intake_job SET state = ?, holder = ?, started_at = ?, lease_until = ?, "
                            + "attempts = attempts + 1 WHERE tenant = ? AND intake_id = ?", state, holder, Jdbc.timestamp(now),
                            Jdbc.timestamp(leaseUntil), job.tenant(), job.id());
                    found = Optional.of(new IntakeJob(job.tenant(), job.id(), job.file(), state, job.receivedAt(), now, job.finishedAt(),
                            holder, leaseUntil, job.attempts() + 1, null, job.reason(), job.reportJson()));
                }
                c.commit();
                return found;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        });
    }

    @Override
    public int renew(String holder, Instant leaseUntil) throws StoreException {
        return database.with(NO_TENANT, "cannot renew the claims of " + holder, c -> Jdbc.update(c,
                "UPDATE bl_intake_job SET lease_until = ? WHERE holder = ? AND state IN ('PROCESSING', 'IMPORTED')", Jdbc.timestamp(leaseUntil), holder));
    }

    @Override
    public boolean finish(String tenant, String id, String holder, String state, Instant at, String reason, String reportJson)
            throws StoreException {
        if (!List.of(IntakeJob.DONE, IntakeJob.FAILED, IntakeJob.IMPORTED).contains(state)) {
            throw new IllegalArgumentException("an import ends DONE, FAILED or IMPORTED, not " + state);
        }
        return database.with(NO_TENANT, "cannot record the end of bill " + tenant + "/" + id, c -> Jdbc.update(c,
                "UPDATE bl_intake_job SET state = ?, finished_at = ?, lease_until = CASE WHEN ? THEN lease_until END, reason = ?, "
                        + "report_json = ? WHERE tenant = ? AND intake_id = ? AND holder = ? AND state = 'PROCESSING'",
                state, Jdbc.timestamp(at), IntakeJob.IMPORTED.equals(state), reason, reportJson, tenant, id, holder) == 1);
    }

    @Override
    public void audited(String tenant, List<String> ids, long auditRunId) throws StoreException {
        database.with(NO_TENANT, "cannot record audit run " + auditRunId + " on the bills of " + tenant, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE bl_intake_job SET state = 'DONE', audit_run_id = ?, "
                    + "lease_until = NULL WHERE tenant = ? AND intake_id = ? AND state = 'IMPORTED'")) {
                for (String id : ids) {
                    update.setLong(1, auditRunId);
                    update.setString(2, tenant);
                    update.setString(3, id);
                    update.addBatch();
                }
                update.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<IntakeJob> recent(String tenant, int limit) throws StoreException {
        return database.with(NO_TENANT, "cannot list the bills of " + tenant,
                c -> jobs(c, "WHERE tenant = ? ORDER BY intake_id DESC LIMIT ?", tenant, Math.max(0, limit)));
    }

    @Override
    public Optional<IntakeJob> job(String tenant, String id) throws StoreException {
        return database.with(NO_TENANT, "cannot read bill " + tenant + "/" + id,
                c -> jobs(c, "WHERE tenant = ? AND intake_id = ?", tenant, id)).stream().findFirst();
    }

    private static List<IntakeJob> jobs(Connection connection, String condition, Object... parameters) throws SQLException {
        List<IntakeJob> jobs = new ArrayList<>();
        try (PreparedStatement query = Jdbc.prepare(connection, "SELECT " + COLUMNS + " FROM bl_intake_job " + condition,
                Arrays.asList(parameters)); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                long run = row.getLong(11);
                Long auditRunId = row.wasNull() ? null : run;
                jobs.add(new IntakeJob(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getTimestamp(5).toInstant(), Jdbc.instant(row.getTimestamp(6)), Jdbc.instant(row.getTimestamp(7)),
                        row.getString(8), Jdbc.instant(row.getTimestamp(9)), row.getInt(10), auditRunId,
                        row.getString(12), row.getString(13)));
            }
        }
        return jobs;
    }
}
