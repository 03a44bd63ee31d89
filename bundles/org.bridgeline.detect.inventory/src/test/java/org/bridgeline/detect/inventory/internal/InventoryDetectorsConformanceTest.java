package org.bridgeline.detect.inventory.internal;

import java.util.List;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.enterprise.SeededEnterprise;
import org.bridgeline.testkit.ConfigDefaults;
import org.bridgeline.testkit.DetectorConformance;
import org.bridgeline.testkit.InMemoryBook;
import org.junit.jupiter.api.Test;

/** The partner conformance kit, run on our own inventory, order and contract detectors. */
class InventoryDetectorsConformanceTest {

    @Test
    void everyInventoryDetectorConforms() {
        InMemoryBook book = InMemoryBook.of(SeededEnterprise.generate(7, 10));
        for (AnomalyDetector detector : List.of(new BilledAfterDisconnectDetector(ConfigDefaults.of(BilledAfterDisconnectDetector.Config.class)),
                new InventoryMismatchDetector(), new RateAboveContractDetector(new RecurringPriceCandidates()), new OutOfTermPricingDetector(new RecurringPriceCandidates()),
                new UnrequestedFeatureDetector(new RecurringPriceCandidates()), new ContractPolicyDetector())) {
            DetectorConformance.of(detector).on(book).check();
        }
    }
}
