package org.bridgeline.detect.benchmark.internal;

import java.util.List;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.enterprise.AdversarialEnterprise;
import org.bridgeline.enterprise.SeededEnterprise;
import org.bridgeline.testkit.ConfigDefaults;
import org.bridgeline.testkit.DetectorAccuracy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The above-benchmark detector, with its documented defaults, against the ground truth of generated enterprises: the
 * seeded one, and the adversarial one whose look-alike controls must not be reported. Precision
 * and recall per kind at least 0.95.
 */
class AboveBenchmarkAccuracyTest {

    private static List<AnomalyDetector> detectors() {
        return List.of(new AboveBenchmarkDetector(ConfigDefaults.of(AboveBenchmarkDetector.Config.class)));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 2025})
    void onTheSeededEnterprise(long seed) {
        DetectorAccuracy.assertAtLeast(0.95, SeededEnterprise.generate(seed, 25), detectors());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 2025})
    void onTheAdversarialEnterprise(long seed) {
        DetectorAccuracy.assertAtLeast(0.95, AdversarialEnterprise.generate(seed, 16), detectors());
    }
}
