package org.bridgeline.store;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The dispute role: a tenant's disputes, their findings, history and credits. Changes are checked
 * against the state the caller read, and a dispute is opened only when none of its findings'
 * anomalies is held by another open dispute; both checks hold across runtimes sharing the database.
 */
@ProviderType
public interface DisputeStore {

    /**
     * Opens a dispute in {@link DisputeState#DRAFT} (or the opening event's state) with the findings,
     * its claim their credits; refused with a {@link DisputeConflictException} naming the dispute that
     * already holds one of them.
     */
    DisputeRecord open(String tenant, String carrier, String account, List<DisputedFinding> findings, DisputeEvent opened)
            throws StoreException;

    /** The tenant's disputes, newest first. */
    List<DisputeRecord> disputes(String tenant) throws StoreException;

    /** One dispute; empty for an id the tenant does not have. */
    Optional<DisputeRecord> dispute(String tenant, long disputeId) throws StoreException;

    /**
     * Records a change of a dispute that is still in the {@code expected} state: the event (its state
     * becomes the event's {@code to}), credits added (a bill's line the dispute holds already is not
     * added again), and credits already held that are decided anew (by their {@code seq}). Refused with a {@link DisputeConflictException} when the dispute moved
     * meanwhile, or when reopening it would take a finding another open dispute holds.
     */
    DisputeRecord change(String tenant, long disputeId, DisputeState expected, DisputeEvent event, List<DisputeCredit> added,
            List<DisputeCredit> decided) throws StoreException;

    /**
     * Records that later bills no longer carry the anomalies of some of a dispute's findings (by finding
     * id, the day the first bill without them is dated), with an event saying so; the dispute's state
     * does not change.
     */
    DisputeRecord resolve(String tenant, long disputeId, java.util.Map<Long, java.time.LocalDate> resolved, DisputeEvent event)
            throws StoreException;
}
