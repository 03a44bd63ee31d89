package org.bridgeline.parser.x12.internal;

import java.nio.file.Path;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.testkit.ParserConformance;
import org.junit.jupiter.api.Test;

/** The partner conformance kit, fuzzing included, on the 811 parser with its standard profile and the fixtures. */
class X12ConformanceTest {

    @Test
    void theStandardProfileConforms() throws Exception {
        ParserConformance.of(X12ParserTest.parser("x12-811-standard"))
                .sample(Path.of("src/test/resources/fixtures/acme-standard.x12"), ParserConformance.expect(1, 4)
                        .total(ChargeCategory.TAX, "37.50"))
                .sample(Path.of("src/test/resources/fixtures/acme-details.x12"), ParserConformance.expect(1, 5)) // three SLN sublines and two TCD calls
                .fuzz(400, 811)
                .notForeign("x12-811.edi")
                .check();
    }
}
