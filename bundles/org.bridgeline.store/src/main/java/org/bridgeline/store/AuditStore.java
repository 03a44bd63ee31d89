package org.bridgeline.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bridgeline.api.model.Finding;
import org.osgi.annotation.versioning.ProviderType;

/** The audit role: audit runs, their findings and the evidence each cites. */
@ProviderType
public interface AuditStore {

    /** Stores an audit run with its findings, in the order given; all or nothing. */
    AuditRunRecord saveAuditRun(String tenant, Instant started, List<String> detectors, List<Finding> findings) throws StoreException;

    /** The most recent audit run, if any. */
    Optional<AuditRunRecord> latestAuditRun(String tenant) throws StoreException;

    /** The findings of one audit run, in their stored order. */
    List<StoredFinding> findings(String tenant, long runId) throws StoreException;

    /** One finding by id. */
    Optional<StoredFinding> finding(String tenant, long findingId) throws StoreException;
}
