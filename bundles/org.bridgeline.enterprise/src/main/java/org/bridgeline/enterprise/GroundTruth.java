package org.bridgeline.enterprise;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bridgeline.api.model.Finding;
import org.bridgeline.enterprise.SeededEnterprise.Anomaly;

/**
 * What is wrong in an enterprise's bills, and what only looks wrong: the anomalies a detector must
 * report and the controls (look-alikes) it must not, each by detector, kind, carrier and subject
 * (a finding's service, or for a bill-level finding the invoice it cites first).
 *
 * @param anomalies what must be reported
 * @param controls  what must not be
 */
public record GroundTruth(List<Anomaly> anomalies, List<Anomaly> controls) {

    public GroundTruth {
        anomalies = List.copyOf(anomalies);
        controls = List.copyOf(controls);
    }

    /** One kind of finding set against the truth: how many were found, right, expected, and how many controls were flagged. */
    public record KindScore(String detectorId, String kind, int found, int truePositives, int expected, int controls, int controlsFlagged) {

        public double precision() {
            return found == 0 ? (expected == 0 ? 1 : 0) : (double) truePositives / found;
        }

        public double recall() {
            return expected == 0 ? 1 : (double) truePositives / expected;
        }

        @Override
        public String toString() {
            return String.format("%-24s %-24s found %3d, expected %3d, controls flagged %2d of %2d, precision %.3f, recall %.3f", detectorId,
                    kind, found, expected, controlsFlagged, controls, precision(), recall());
        }
    }

    /** The scores of the kinds of the named detectors only: for a test that runs some of them. */
    public List<KindScore> scores(List<Finding> findings, java.util.Collection<String> detectorIds) {
        return scores(findings).stream().filter(score -> detectorIds.contains(score.detectorId())).toList();
    }

    /** The score of every kind the truth names or a finding reports, by detector and kind. */
    public List<KindScore> scores(List<Finding> findings) {
        Set<Anomaly> found = findings.stream().map(f -> new Anomaly(f.detectorId(), f.kind(), f.carrier(), SeededEnterprise.subjectOf(f)))
                .collect(Collectors.toSet());
        TreeMap<String, String[]> kinds = new TreeMap<>();
        for (List<Anomaly> list : List.of(anomalies, controls, new ArrayList<>(found))) {
            list.forEach(a -> kinds.putIfAbsent(a.detectorId() + '\u0000' + a.kind(), new String[] {a.detectorId(), a.kind()}));
        }
        List<KindScore> scores = new ArrayList<>();
        for (String[] kind : kinds.values()) {
            Set<Anomaly> expected = ofKind(anomalies, kind);
            Set<Anomaly> lookAlikes = ofKind(controls, kind);
            Set<Anomaly> reported = ofKind(found, kind);
            scores.add(new KindScore(kind[0], kind[1], reported.size(), (int) reported.stream().filter(expected::contains).count(),
                    expected.size(), lookAlikes.size(), (int) reported.stream().filter(lookAlikes::contains).count()));
        }
        return scores;
    }

    private static Set<Anomaly> ofKind(java.util.Collection<Anomaly> all, String[] kind) {
        return all.stream().filter(a -> a.detectorId().equals(kind[0]) && a.kind().equals(kind[1])).collect(Collectors.toSet());
    }
}
