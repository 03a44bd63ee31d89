package ${package};

import java.nio.file.Path;
import ${package}.internal.CarrierParser;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.testkit.ParserConformance;
import org.junit.jupiter.api.Test;

/** The Bridgeline conformance kit on the parser and its sample bill. */
class CarrierParserTest {

    @Test
    void theParserConforms() {
        ParserConformance.of(new CarrierParser())
                .sample(Path.of("src/test/resources/sample-bill.csv"), ParserConformance.expect(1, 5)
                        .total(ChargeCategory.RECURRING, "1345.00").total(ChargeCategory.USAGE, "12.40")
                        .total(ChargeCategory.SURCHARGE, "9.99"))
                .expandable(1)
                .check();
    }
}
