package org.bridgeline.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The intake role: one job per bill that arrived, claimed by one runtime at a time. A claim is a
 * lease: its holder renews it while it works, and when the holder dies the lease runs out and
 * another runtime on the same database takes the bill over. Where the engine has several writing
 * processes, two claiming at once never take the same bill and never wait for each other
 * ({@code FOR UPDATE SKIP LOCKED}). The jobs of every tenant are claimed from one queue, so the
 * role is shared by every tenant; reads name their tenant.
 */
@ProviderType
public interface IntakeStore {

    /** Records a bill that arrived; false when its id is known already (registering again is harmless). */
    boolean register(IntakeJob job) throws StoreException;

    /**
     * Claims the oldest bill no one holds: one waiting, or one whose holder's lease ran out before
     * {@code now} (being imported, or imported and waiting for its audit: its state tells which). The
     * claim stands until {@code leaseUntil}; the job returned counts this attempt.
     */
    Optional<IntakeJob> claim(String holder, Instant now, Instant leaseUntil) throws StoreException;

    /** Extends every claim the holder still has to {@code leaseUntil}; returns how many. */
    int renew(String holder, Instant leaseUntil) throws StoreException;

    /**
     * Records how a claimed bill's import ended ({@link IntakeJob#DONE}, {@link IntakeJob#FAILED}, or
     * {@link IntakeJob#IMPORTED} when an audit is to read it, the claim held until then), unless its
     * claim was taken over meanwhile: false then, and the outcome is the new holder's to record.
     */
    boolean finish(String tenant, String id, String holder, String state, Instant at, String reason, String reportJson)
            throws StoreException;

    /** Records the audit run that read the tenant's imported bills: they are done. */
    void audited(String tenant, List<String> ids, long auditRunId) throws StoreException;

    /** The tenant's most recent bills, newest first. */
    List<IntakeJob> recent(String tenant, int limit) throws StoreException;

    /** One of the tenant's bills; empty for an id it does not have. */
    Optional<IntakeJob> job(String tenant, String id) throws StoreException;

    /**
     * Whether runtimes other than this one may write to the queue (a server database). When false, the queue holds
     * only what this runtime registered: a runtime need not ask it for bills while it registered none and holds none,
     * and an embedded database left alone may close.
     */
    default boolean shared() {
        return true;
    }
}
