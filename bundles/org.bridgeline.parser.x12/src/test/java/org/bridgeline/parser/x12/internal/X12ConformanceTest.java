package org.bridgeline.parser.x12.internal;

import java.nio.file.Path;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.parser.x12.X12Profiles;
import org.bridgeline.testkit.ParserConformance;
import org.junit.jupiter.api.Test;

/**
 * The partner conformance kit, fuzzing included, on the standard profile as a profile-only bundle's test runs it
 * ({@link X12Profiles}), over our fixtures and the corpus written to carriers' guides.
 */
class X12ConformanceTest {

    @Test
    void theStandardProfileConforms() throws Exception {
        ParserConformance.of(X12Profiles.parser(Path.of("src/main/resources/x12-profiles/x12-811-standard.json")))
                .sample(Path.of("src/test/resources/fixtures/acme-standard.x12"), ParserConformance.expect(1, 4)
                        .total(ChargeCategory.TAX, "37.50"))
                .sample(Path.of("src/test/resources/fixtures/acme-details.x12"), ParserConformance.expect(1, 5)) // three SLN, two TCD
                .sample(Path.of("src/test/resources/corpus/att-shape.x12"), ParserConformance.expect(1, 9)
                        .total(ChargeCategory.TAX, "14.95").total(ChargeCategory.ONE_TIME, "25.00"))
                .sample(Path.of("src/test/resources/corpus/lumen-consolidated.x12"), ParserConformance.expect(3, 6)
                        .total(ChargeCategory.USAGE, "18.10"))
                .sample(Path.of("src/test/resources/corpus/verizon-shape.x12"), ParserConformance.expect(1, 6)
                        .total(ChargeCategory.RECURRING, "328.99"))
                .sample(Path.of("src/test/resources/corpus/windstream-shape.x12"), ParserConformance.expect(1, 5)
                        .total(ChargeCategory.CREDIT, "-10.00").total(ChargeCategory.SURCHARGE, "5.00"))
                .sample(Path.of("src/test/resources/corpus/granite-shape.x12"), ParserConformance.expect(1, 5)
                        .total(ChargeCategory.TAX, "2.52"))
                .fuzz(300, 811)
                .notForeign("x12-811.edi")
                .check();
    }
}
