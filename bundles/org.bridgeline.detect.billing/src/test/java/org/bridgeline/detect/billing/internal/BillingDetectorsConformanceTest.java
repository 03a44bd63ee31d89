package org.bridgeline.detect.billing.internal;

import java.util.List;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.enterprise.SeededEnterprise;
import org.bridgeline.testkit.ConfigDefaults;
import org.bridgeline.testkit.DetectorConformance;
import org.bridgeline.testkit.InMemoryBook;
import org.junit.jupiter.api.Test;

/** The partner conformance kit, run on our own billing detectors. */
class BillingDetectorsConformanceTest {

    @Test
    void everyBillingDetectorConforms() {
        InMemoryBook book = InMemoryBook.of(SeededEnterprise.generate(7, 10));
        for (AnomalyDetector detector : List.of(new DuplicateChargeDetector(ConfigDefaults.of(DuplicateChargeDetector.Config.class)),
                new LateFeeDetector(ConfigDefaults.of(LateFeeDetector.Config.class)),
                new CostVarianceDetector(ConfigDefaults.of(CostVarianceDetector.Config.class)),
                new ZeroUsageDetector(ConfigDefaults.of(ZeroUsageDetector.Config.class)))) {
            DetectorConformance.of(detector).on(book).check();
        }
    }
}
