package org.bridgeline.enterprise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeededEnterpriseTest {

    @Test
    void theSameSeedGivesTheSameEnterpriseAnotherSeedAnother() {
        SeededEnterprise one = SeededEnterprise.generate(7, 10);
        SeededEnterprise again = SeededEnterprise.generate(7, 10);
        assertEquals(one.lines(), again.lines());
        assertEquals(one.contracts(), again.contracts());
        assertEquals(one.expectedInventory(), again.expectedInventory());
        assertEquals(one.orders(), again.orders());
        assertEquals(one.truth(), again.truth());
        assertNotEquals(one.truth(), SeededEnterprise.generate(8, 10).truth());
    }

    @Test
    void everyDetectorHasAnomaliesAndThreeCarriersBillTwelveMonths() {
        SeededEnterprise enterprise = SeededEnterprise.generate(42, 25);
        Set<String> detectors = enterprise.truth().stream().map(SeededEnterprise.Anomaly::detectorId).collect(Collectors.toSet());
        assertEquals(Set.of("rate-above-contract", "duplicate-charges", "billed-after-disconnect", "zero-usage", "taxes-and-surcharges",
                "late-fees", "out-of-term-pricing", "cost-variance", "unrequested-features", "inventory-mismatch", "above-benchmark", "contract-policy"), detectors);
        assertEquals(36, enterprise.lines().stream().map(l -> l.carrier() + l.invoiceNumber()).distinct().count());
        assertTrue(enterprise.lines().size() > 7_000, "about 8,000 lines: " + enterprise.lines().size());
    }
}
