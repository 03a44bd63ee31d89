package org.bridgeline.store.duckdb.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bridgeline.api.model.Finding;
import org.bridgeline.store.AuditRunRecord;
import org.bridgeline.store.AuditStore;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredFinding;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The audit role on DuckDB. */
@Component(service = AuditStore.class)
public final class DuckDbAuditStore implements AuditStore {

    private final DuckDbDatabase database;

    @Activate
    public DuckDbAuditStore(@Reference DuckDbDatabase database) {
        this.database = database;
    }

    @Override
    public AuditRunRecord saveAuditRun(String tenant, Instant started, List<String> detectors, List<Finding> findings) throws StoreException {
        return database.with("cannot store the audit run", c -> AuditRuns.save(c, tenant, started, detectors, findings));
    }

    @Override
    public Optional<AuditRunRecord> latestAuditRun(String tenant) throws StoreException {
        return database.with("cannot read audit runs", c -> AuditRuns.latest(c, tenant));
    }

    @Override
    public List<StoredFinding> findings(String tenant, long runId) throws StoreException {
        return database.with("cannot read findings", c -> AuditRuns.read(c, "f.tenant = ? AND f.run_id = ?", List.of(tenant, runId)));
    }

    @Override
    public Optional<StoredFinding> finding(String tenant, long findingId) throws StoreException {
        return database.with("cannot read finding " + findingId, c ->
                AuditRuns.read(c, "f.tenant = ? AND f.finding_id = ?", List.of(tenant, findingId)).stream().findFirst());
    }
}
