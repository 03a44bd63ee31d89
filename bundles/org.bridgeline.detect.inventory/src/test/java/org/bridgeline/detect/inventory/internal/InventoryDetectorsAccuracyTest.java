package org.bridgeline.detect.inventory.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.testkit.ConfigDefaults;
import org.bridgeline.enterprise.SeededEnterprise;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each inventory, order and contract detector, with its documented defaults, against the ground truth of generated enterprises. */
class InventoryDetectorsAccuracyTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 2025})
    void precisionAndRecallAreAtLeast95Percent(long seed) {
        SeededEnterprise enterprise = SeededEnterprise.generate(seed, 25);
        List<AnomalyDetector> detectors = List.of(
                new BilledAfterDisconnectDetector(ConfigDefaults.of(BilledAfterDisconnectDetector.Config.class)),
                new InventoryMismatchDetector(), new RateAboveContractDetector(), new OutOfTermPricingDetector(),
                new UnrequestedFeatureDetector(), new ContractPolicyDetector());
        for (AnomalyDetector detector : detectors) {
            SeededEnterprise.Score score = enterprise.score(detector.id(), detector.detect(org.bridgeline.testkit.InMemoryBook.of(enterprise)));
            System.out.println("seed " + seed + ": " + score);
            assertTrue(score.expected() > 0, "the enterprise has anomalies for " + detector.id());
            assertTrue(score.precision() >= 0.95 && score.recall() >= 0.95, "seed " + seed + ": " + score);
        }
    }
}
