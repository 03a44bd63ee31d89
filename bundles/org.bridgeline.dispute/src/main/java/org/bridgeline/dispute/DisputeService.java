package org.bridgeline.dispute;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.bridgeline.store.DisputeRecord;
import org.bridgeline.store.DisputeState;
import org.bridgeline.store.StoreException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A tenant's disputes with its carriers. Every change names who made it ({@code actor}: the console
 * user, or the API token's id) and may carry a note. A request that cannot be met (an unknown
 * finding, a change the dispute's state does not allow, a finding another open dispute holds) is an
 * {@link IllegalArgumentException} or a {@link org.bridgeline.store.DisputeConflictException} with
 * the one line an operator reads.
 */
@ProviderType
public interface DisputeService {

    /**
     * Opens one dispute for findings of one carrier account, claiming their credits.
     *
     * @param submittedOn the day it was sent to the carrier, or {@code null} to keep it a draft
     */
    DisputeRecord open(String tenant, List<Long> findingIds, String note, String actor, LocalDate submittedOn) throws StoreException;

    /**
     * Opens disputes for every finding of the latest audit for a carrier that claims a credit of at
     * least {@code minCredit} and no open dispute holds: one per account, or one per finding when
     * {@code each}. Empty when there is nothing left to dispute.
     */
    List<DisputeRecord> openAll(String tenant, String carrier, BigDecimal minCredit, boolean each, String note, String actor,
            LocalDate submittedOn) throws StoreException;

    /** The tenant's disputes, newest first, optionally of one state and one carrier ({@code null} for any). */
    List<DisputeRecord> disputes(String tenant, DisputeState state, String carrier) throws StoreException;

    Optional<DisputeRecord> dispute(String tenant, long disputeId) throws StoreException;

    /**
     * Moves a dispute to a state its present one allows.
     *
     * @param on the day it happened, or {@code null} for now
     */
    DisputeRecord set(String tenant, long disputeId, DisputeState state, String note, String actor, LocalDate on) throws StoreException;

    /**
     * Confirms or rejects a credit the matcher only proposed (by its number within the dispute): a
     * confirmed credit is applied, and its proposals to other disputes are rejected.
     */
    DisputeRecord decide(String tenant, long disputeId, int creditSeq, boolean confirm, String note, String actor) throws StoreException;

    /** The dispute's letter: a printable page and the CSV carriers' dispute portals take, with the evidence and its source. */
    DisputeLetter letter(String tenant, long disputeId) throws StoreException;

    /**
     * Writes the dispute's letter as it stands now into {@code folder} (the tenant's own folder of letters,
     * {@code data/tenants/TENANT/disputes}, when {@code null}): {@code NAME.html} and {@code NAME.csv}; returns both, the
     * page first.
     */
    List<java.nio.file.Path> writeLetter(String tenant, long disputeId, java.nio.file.Path folder) throws StoreException, java.io.IOException;

    /**
     * Sets the credit and adjustment lines of the tenant's bills against its submitted disputes:
     * certain matches applied, uncertain ones proposed; lines already set against a dispute are not
     * read again. Runs after every import.
     */
    CreditMatchReport matchCredits(String tenant, String actor) throws StoreException;

    /**
     * Marks resolved the disputed anomalies (of every submitted dispute: open, credited or denied) that the
     * bills after its submission no longer carry (the latest audit finds the anomaly on none of them):
     * resolved from the first such bill, each month since counted as cost avoided, whether or not a credit
     * came. Only the carrier audited is reviewed when an audit read one carrier. Runs after every audit of
     * every detector; returns how many were resolved.
     */
    int reviewStopped(String tenant, String carrier, String actor) throws StoreException;
}
