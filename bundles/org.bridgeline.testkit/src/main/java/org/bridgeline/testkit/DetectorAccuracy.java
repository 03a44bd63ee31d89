package org.bridgeline.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.model.Finding;
import org.bridgeline.enterprise.GeneratedEnterprise;
import org.bridgeline.enterprise.GroundTruth.KindScore;

/**
 * Detectors set against the ground truth of a generated enterprise (the seeded one, or the
 * adversarial one with its look-alike controls): every kind they report is scored, printed, and
 * must reach the precision and recall asked for.
 */
public final class DetectorAccuracy {

    private DetectorAccuracy() {
    }

    /**
     * Runs the detectors over the enterprise's book, prints each kind's score (with the controls flagged) and asserts
     * that each detector has anomalies to find and each of its kinds reaches {@code least} in precision and recall.
     *
     * @return the scores, by detector and kind
     */
    public static List<KindScore> assertAtLeast(double least, GeneratedEnterprise enterprise, List<AnomalyDetector> detectors) {
        BookOfBusiness book = InMemoryBook.of(enterprise);
        List<Finding> findings = new ArrayList<>();
        for (AnomalyDetector detector : detectors) {
            findings.addAll(detector.detect(book));
        }
        List<String> ids = detectors.stream().map(AnomalyDetector::id).toList();
        List<KindScore> scores = enterprise.groundTruth().scores(findings, ids);
        String label = enterprise.generator() + " seed " + enterprise.seed() + ": ";
        scores.forEach(score -> System.out.println(label + score));
        for (String id : ids) {
            assertTrue(scores.stream().anyMatch(score -> score.detectorId().equals(id) && score.expected() > 0),
                    label + "the enterprise has anomalies for " + id);
        }
        for (KindScore score : scores) {
            assertTrue(score.precision() >= least && score.recall() >= least, label + score);
        }
        return scores;
    }
}
