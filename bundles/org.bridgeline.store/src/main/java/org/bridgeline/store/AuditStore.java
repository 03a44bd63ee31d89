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

    /** The findings of one audit run summed per kind and currency in the store, by kind: a run of any size reads as a few rows. */
    List<FindingTotal> findingTotals(String tenant, long runId) throws StoreException;

    /** One finding by id. */
    Optional<StoredFinding> finding(String tenant, long findingId) throws StoreException;

    /**
     * Holds the tenant's audits until closed: a second caller, in this runtime or another on the same
     * database, waits for the first to store its run, so two audits of one tenant never interleave.
     */
    Hold holdAudits(String tenant) throws StoreException;

    /** A tenant's audits held; closing lets the next one run. */
    @FunctionalInterface
    interface Hold extends AutoCloseable {
        @Override
        void close() throws StoreException;
    }
}
