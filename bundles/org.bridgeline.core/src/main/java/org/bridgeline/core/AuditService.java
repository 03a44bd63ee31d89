package org.bridgeline.core;

import java.util.List;
import org.bridgeline.api.model.Money;
import org.osgi.annotation.versioning.ProviderType;

/** Runs every registered detector over the book of business and stores the findings with the run. */
@ProviderType
public interface AuditService {

    /** Told as each detector finishes. */
    @FunctionalInterface
    interface Progress {
        void detectorDone(String detectorId, int done, int of, long findings, long millis);
    }

    /**
     * Findings of one kind in one currency.
     *
     * @param kind     the kind of anomaly
     * @param findings how many
     * @param monthly  their monthly impact
     * @param annual   their annual impact
     */
    record KindSummary(String kind, long findings, Money monthly, Money annual) {
    }

    /** A detector that failed: its findings are missing from the run, the others are not. */
    record DetectorFailure(String detectorId, String reason) {
    }

    /**
     * @param runId     the stored run
     * @param detectors the detectors that ran, by id
     * @param byKind    findings summed by kind and currency, largest annual impact first
     * @param failures  detectors that failed
     * @param findings  how many findings in all
     * @param millis    how long it took
     */
    record AuditReport(long runId, List<String> detectors, List<KindSummary> byKind, List<DetectorFailure> failures, long findings,
            long millis) {
    }

    /**
     * Audits the book of business.
     *
     * @param carrier    only this carrier, or {@code null} for all
     * @param detectorId only this detector, or {@code null} for every registered one
     * @throws IllegalArgumentException when no detector is registered or none has the id
     */
    AuditReport audit(String tenant, String carrier, String detectorId, Progress progress);
}
