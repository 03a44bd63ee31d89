package org.bridgeline.parser.telstra.olb;

import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.testkit.ParserConformance;
import org.bridgeline.testkit.SharedData;
import org.junit.jupiter.api.Test;

/** The partner conformance kit, run on our own parser and the real Telstra file. */
class TelstraOlbConformanceTest {

    @Test
    void theTelstraParserConforms() {
        ParserConformance.of(new TelstraOlbParser())
                .sample(SharedData.file("carrier-bills/telstra-olb/bills.csv"), ParserConformance.expect(1, 490)
                        .total(ChargeCategory.RECURRING, "540.09").total(ChargeCategory.USAGE, "92.02")
                        .total(ChargeCategory.ONE_TIME, "69.92").total(ChargeCategory.TAX, "63.23")
                        .extract()) // the shared file is an extract: its header total is the whole bill's (see ../shared/data/README.md)
                .fuzz(300, 2013)
                .notForeign("telstra-olb.csv")
                .check();
    }
}
