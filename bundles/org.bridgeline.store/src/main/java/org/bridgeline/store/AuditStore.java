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

    /**
     * Begins an audit run whose findings pass into the store as they are added, so that a run of any
     * size is never held in memory. They are read back by their detector's place in {@code detectors},
     * then in the order that detector emitted them. Committing stores the run with its findings; closing
     * without committing stores nothing.
     *
     * @since 2.6
     */
    AuditRunWriter beginAuditRun(String tenant, Instant started, List<String> detectors) throws StoreException;

    /** An audit run being written, on a transaction of its own until committed or closed. */
    @ProviderType
    interface AuditRunWriter extends AutoCloseable {

        /**
         * Adds a finding one of the run's detectors emitted, placed by that detector (whatever the
         * finding names); the detectors may add from threads of their own at once.
         */
        void add(String detectorId, Finding finding) throws StoreException;

        /** Takes back every finding a detector added (it failed part way): the run stores the others. */
        void withdraw(String detectorId) throws StoreException;

        /** How many findings the run holds so far. */
        long findings();

        /** Stores the run and its findings, all or nothing. */
        AuditRunRecord commit() throws StoreException;

        /** Ends the run's transaction; a run not committed leaves nothing behind. */
        @Override
        void close() throws StoreException;
    }

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
