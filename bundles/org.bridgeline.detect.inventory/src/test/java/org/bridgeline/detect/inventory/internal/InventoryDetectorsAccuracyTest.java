package org.bridgeline.detect.inventory.internal;

import java.util.List;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.enterprise.AdversarialEnterprise;
import org.bridgeline.enterprise.SeededEnterprise;
import org.bridgeline.testkit.ConfigDefaults;
import org.bridgeline.testkit.DetectorAccuracy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each inventory, order and contract detector, with its documented defaults, against the ground truth of generated enterprises: the
 * seeded one, and the adversarial one whose look-alike controls must not be reported. Precision
 * and recall per kind at least 0.95.
 */
class InventoryDetectorsAccuracyTest {

    private static List<AnomalyDetector> detectors() {
        return List.of(
                new BilledAfterDisconnectDetector(ConfigDefaults.of(BilledAfterDisconnectDetector.Config.class)),
                new InventoryMismatchDetector(), new RateAboveContractDetector(new RecurringPriceCandidates()), new OutOfTermPricingDetector(new RecurringPriceCandidates()),
                new UnrequestedFeatureDetector(new RecurringPriceCandidates()), new ContractPolicyDetector());
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
