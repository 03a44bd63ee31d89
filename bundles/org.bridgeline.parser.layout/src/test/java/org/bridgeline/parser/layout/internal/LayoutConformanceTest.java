package org.bridgeline.parser.layout.internal;

import java.nio.file.Path;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.parser.layout.LayoutProfiles;
import org.bridgeline.testkit.ParserConformance;
import org.bridgeline.testkit.SharedData;
import org.junit.jupiter.api.Test;

/** The profile-only route's check: a shipped profile, as a partner's would be, through the conformance kit. */
class LayoutConformanceTest {

    @Test
    void theTelstraCallExportProfileConforms() throws Exception {
        ParserConformance.of(LayoutProfiles.parser(Path.of("src/main/resources/layouts/telstra-calls-csv.json")))
                .sample(SharedData.file("carrier-bills/telstra-calls/test.csv"), ParserConformance.expect(1, 4)
                        .total(ChargeCategory.USAGE, "5.72"))
                .expandable(1)
                .check();
    }
}
