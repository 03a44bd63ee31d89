package org.bridgeline.parser.layout.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.SourcePosition;
import org.bridgeline.enterprise.AdversarialEnterprise;
import org.bridgeline.enterprise.EnterpriseFiles;
import org.bridgeline.testkit.RecordingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enterprise bundle's charge-level export layout maps every field a parser can set: the
 * adversarial enterprise's bills, written as that export, read back line for line equal to what
 * was written (service type from a column, bandwidth, charge period, usage and its unit, the number
 * dialled, tax type and jurisdiction, a USF line's stated basis), but for where each line was read.
 */
class ChargeExportLayoutTest {

    private static final Path LAYOUT = Path.of("../org.bridgeline.enterprise/src/main/resources/layouts/charge-export.json");

    @TempDir
    Path folder;

    private static LayoutParser parser() throws Exception {
        try (InputStream in = Files.newInputStream(LAYOUT)) {
            return new LayoutParser(ProfileReader.read(in, "charge-export.json"));
        }
    }

    private static ChargeLine unplaced(ChargeLine line) {
        return line.toBuilder().source(SourcePosition.of("-", 0, 0)).build();
    }

    @Test
    void everyFieldOfEveryLineReadsBackAsWritten() throws Exception {
        AdversarialEnterprise enterprise = AdversarialEnterprise.generate(5, 12);
        EnterpriseFiles.write(enterprise, folder);
        LayoutParser parser = parser();
        for (String carrier : List.of(AdversarialEnterprise.KEYSTONE, AdversarialEnterprise.MERIDIAN, AdversarialEnterprise.ORBIT)) {
            String invoice = carrier.substring(0, 2).toUpperCase() + "-2025-07";
            Path file = folder.resolve("bills").resolve(carrier.toLowerCase().replace(' ', '-')).resolve(invoice + ".csv");
            RecordingSink sink = ShippedLayoutsTest.parse(parser, file);
            assertEquals(List.of(), sink.problems, file.toString());
            List<ChargeLine> written = enterprise.lines().stream().filter(l -> l.invoiceNumber().equals(invoice)).map(ChargeExportLayoutTest::unplaced)
                    .toList();
            assertEquals(written, sink.lines.stream().map(ChargeExportLayoutTest::unplaced).toList(), invoice);
        }
        List<ChargeLine> all = enterprise.lines();
        assertTrue(all.stream().anyMatch(l -> "BASIS".equals(l.unit())), "a USF line with its stated basis is among them");
        assertTrue(all.stream().anyMatch(l -> l.destination() != null && l.usageUnit() != null && l.bandwidthMbps() == null));
        assertTrue(all.stream().anyMatch(l -> l.bandwidthMbps() != null && l.chargePeriod() != null));
    }

    @Test
    void aServiceTypeNoModelKnowsIsABadRecordWithItsPlace() throws Exception {
        String header = String.join(",", "Carrier", "Account", "Invoice", "Bill Date", "Period Start", "Period End", "Currency", "Service ID",
                "Site", "Service Type", "Charge Type", "Code", "Description", "Qty", "Unit", "Rate", "Amount", "Charge Start", "Charge End",
                "Bandwidth Mbps", "Usage Qty", "Usage Unit", "Destination", "Tax Type", "Jurisdiction");
        String csv = header + "\nMeridian,A1,INV-1,2025-07-31,2025-07-01,2025-07-31,USD,CKT-1,HQ,DARK_FIBRE,Monthly,DF,fibre,1,,900,900,"
                + "2025-07-01,2025-07-31,,,,,,\n";
        RecordingSink sink = new RecordingSink();
        parser().parse("bad.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), sink);
        assertEquals(1, sink.problems.size(), sink.problems.toString());
        String problem = sink.problems.get(0).toString();
        assertTrue(problem.contains("bad.csv") && problem.contains("monthly service type") && problem.contains("DARK_FIBRE"), problem);
    }
}
