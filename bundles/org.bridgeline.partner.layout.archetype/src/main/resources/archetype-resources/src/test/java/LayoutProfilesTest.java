package ${package};

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.parser.layout.LayoutProfiles;
import org.bridgeline.parser.x12.X12Profiles;
import org.bridgeline.testkit.ParserConformance;
import org.junit.jupiter.api.Test;

/** Each profile as the runtime will read it, through the conformance kit, on a sample with the figures it must give. */
class LayoutProfilesTest {

    private static final Path LAYOUTS = Path.of("src/main/resources/layouts");

    @Test
    void theExampleReportProfileConforms() throws Exception {
        ParserConformance.of(LayoutProfiles.parser(LAYOUTS.resolve("northbeam-mobile-report.json")))
                // six table rows (subtotals skipped) and two footer charges; Total Current Charges is the stated total
                .sample(Path.of("src/test/resources/northbeam-mobile-2023-02.csv"), ParserConformance.expect(1, 8)
                        .total(ChargeCategory.TAX, "63.82").total(ChargeCategory.CREDIT, "-5.00"))
                .expandable(6, 6) // preamble and header: 6 lines; footer: the last 6 lines
                .check();
    }

    /** An X12 811 dialect: the carrier's levels and qualifiers, read the way the runtime reads them. */
    @Test
    void theExampleX12ProfileConforms() throws Exception {
        ParserConformance.of(X12Profiles.parser(Path.of("src/main/resources/x12-profiles/x12-811-lumen.json")))
                // two groups, three accounts: one invoice each, a recurring and a usage line each
                .sample(Path.of("src/test/resources/lumen-consolidated.x12"), ParserConformance.expect(3, 6)
                        .total(ChargeCategory.USAGE, "18.10"))
                .notForeign("x12-811.edi")
                .check();
    }

    /** A profile with a mistake fails here with its file and field, as the runtime would refuse it. */
    @Test
    void everyProfileReads() throws Exception {
        try (Stream<Path> profiles = Files.list(LAYOUTS)) {
            for (Path profile : profiles.filter(file -> file.toString().endsWith(".json")).toList()) {
                LayoutProfiles.parser(profile);
            }
        }
        try (Stream<Path> profiles = Files.list(Path.of("src/main/resources/x12-profiles"))) {
            for (Path profile : profiles.filter(file -> file.toString().endsWith(".json")).toList()) {
                X12Profiles.parser(profile);
            }
        }
    }
}
