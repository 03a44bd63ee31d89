package org.bridgeline.store.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bridgeline.api.model.Finding;
import org.bridgeline.store.AuditRunRecord;
import org.bridgeline.store.AuditStore;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.FindingTotal;
import org.bridgeline.store.StoredFinding;

/** The audit role. */
public class SqlAuditStore implements AuditStore {

    private final Database database;

    public SqlAuditStore(Database database) {
        this.database = database;
    }

    @Override
    public AuditRunRecord saveAuditRun(String tenant, Instant started, List<String> detectors, List<Finding> findings) throws StoreException {
        return AuditRuns.save(database, tenant, started, detectors, findings);
    }

    @Override
    public AuditRunWriter beginAuditRun(String tenant, Instant started, List<String> detectors) throws StoreException {
        return SqlAuditRunWriter.begin(database, tenant, started, detectors);
    }

    @Override
    public Optional<AuditRunRecord> latestAuditRun(String tenant) throws StoreException {
        return database.with(tenant, "cannot read audit runs", c -> AuditRuns.latest(c, tenant));
    }

    @Override
    public List<StoredFinding> findings(String tenant, long runId) throws StoreException {
        return database.with(tenant, "cannot read findings", c -> AuditRuns.read(c, "f.tenant = ? AND f.run_id = ?", List.of(tenant, runId)));
    }

    @Override
    public List<FindingTotal> findingTotals(String tenant, long runId) throws StoreException {
        return database.with(tenant, "cannot total findings", c -> AuditRuns.totals(c, tenant, runId));
    }

    @Override
    public Optional<StoredFinding> finding(String tenant, long findingId) throws StoreException {
        return database.with(tenant, "cannot read finding " + findingId, c ->
                AuditRuns.read(c, "f.tenant = ? AND f.finding_id = ?", List.of(tenant, findingId)).stream().findFirst());
    }

    @Override
    public Hold holdAudits(String tenant) throws StoreException {
        Database.Hold hold = database.exclusive(tenant, "audit");
        return hold::close;
    }
}
