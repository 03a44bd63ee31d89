package org.bridgeline.detect.benchmark.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bridgeline.enterprise.SeededEnterprise;
import org.bridgeline.testkit.ConfigDefaults;
import org.bridgeline.testkit.InMemoryBook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AboveBenchmarkAccuracyTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 42, 2025})
    void precisionAndRecallAreAtLeast95Percent(long seed) {
        SeededEnterprise enterprise = SeededEnterprise.generate(seed, 25);
        AboveBenchmarkDetector detector = new AboveBenchmarkDetector(ConfigDefaults.of(AboveBenchmarkDetector.Config.class));
        SeededEnterprise.Score score = enterprise.score(detector.id(), detector.detect(InMemoryBook.of(enterprise)));
        System.out.println("seed " + seed + ": " + score);
        assertTrue(score.expected() > 0, "the enterprise has services above the benchmark");
        assertTrue(score.precision() >= 0.95 && score.recall() >= 0.95, score.toString());
    }
}
