package org.bridgeline.parser.telstra.olb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.parser.FileSample;
import org.bridgeline.api.parser.ParseProblem;
import org.bridgeline.testkit.RecordingSink;
import org.bridgeline.testkit.SharedData;
import org.junit.jupiter.api.Test;

class TelstraOlbParserTest {

    private final TelstraOlbParser parser = new TelstraOlbParser();

    private RecordingSink parse(Path file) throws Exception {
        RecordingSink sink = new RecordingSink();
        try (InputStream in = Files.newInputStream(file)) {
            parser.parse(file.getFileName().toString(), in, sink);
        }
        return sink;
    }

    private RecordingSink parse(String text) throws Exception {
        RecordingSink sink = new RecordingSink();
        parser.parse("hand-made.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), sink);
        return sink;
    }

    @Test
    void theRealBillFileIsReadDownToEveryCharge() throws Exception {
        Path file = SharedData.file("carrier-bills/telstra-olb/bills.csv");
        assertTrue(parser.probe(new FileSample("bills.csv", Files.readAllBytes(file))).score() >= 90);

        RecordingSink sink = parse(file);
        assertEquals(0, sink.problems.size(), () -> sink.problems.toString());
        assertEquals(1, sink.invoices.size());
        var header = sink.invoices.get(0);
        assertEquals("4833936100", header.account());
        assertEquals("P8596370108", header.number());
        assertEquals(LocalDate.of(2013, 6, 19), header.date());
        assertEquals("AUD", header.currency().getCurrencyCode());
        assertEquals(Money.of("6670.47", "AUD"), sink.statedTotals.get(0));

        // figures from the file itself: 23 DF rentals, 271 DC calls, 5 DO once-offs, and a GST line for each non-zero GST
        Map<ChargeCategory, Long> counts = new TreeMap<>(sink.lines.stream()
                .collect(Collectors.groupingBy(ChargeLine::category, Collectors.counting())));
        assertEquals(Map.of(ChargeCategory.RECURRING, 23L, ChargeCategory.USAGE, 271L, ChargeCategory.ONE_TIME, 5L,
                ChargeCategory.TAX, 191L), counts);
        Map<ChargeCategory, BigDecimal> sums = new TreeMap<>(sink.lines.stream().collect(Collectors.groupingBy(
                ChargeLine::category, Collectors.reducing(BigDecimal.ZERO, line -> line.amount().amount(), BigDecimal::add))));
        assertEquals(0, new BigDecimal("540.09").compareTo(sums.get(ChargeCategory.RECURRING)));
        assertEquals(0, new BigDecimal("92.02").compareTo(sums.get(ChargeCategory.USAGE)));
        assertEquals(0, new BigDecimal("69.92").compareTo(sums.get(ChargeCategory.ONE_TIME)));
        assertEquals(0, new BigDecimal("63.23").compareTo(sums.get(ChargeCategory.TAX)));
        // the file is an extract: its charges do not add up to the header's new charges
        BigDecimal lineTotal = sums.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal("765.26").compareTo(lineTotal));
        long calls = sink.lines.stream().filter(l -> l.category() == ChargeCategory.USAGE).count();
        long withNumber = sink.lines.stream().filter(l -> l.category() == ChargeCategory.USAGE && l.destination() != null).count();
        assertTrue(withNumber > calls / 2, "the calls carry the number dialled, for pricing against a rate deck: " + withNumber + " of " + calls);

        ChargeLine firstRental = sink.lines.stream().filter(l -> l.category() == ChargeCategory.RECURRING).findFirst().orElseThrow();
        assertEquals("0355551261", firstRental.serviceId());
        assertEquals("ISDN Line Hunt - cyclic - Associated Line", firstRental.description());
        assertEquals("PQ10000A", firstRental.chargeCode());
        assertEquals(LocalDate.of(2013, 6, 11), firstRental.chargePeriod().start());
        assertEquals(Money.of("3.00", "AUD"), firstRental.amount());
        for (ChargeLine line : sink.lines) {
            assertTrue(line.source().record() > 0 && line.source().line() > 1, "every line traces back: " + line.source());
        }
    }

    @Test
    void theInvalidFileIsRefusedWithAClearError() throws Exception {
        Path file = SharedData.file("carrier-bills/telstra-olb/invalid.csv");
        assertEquals(0, parser.probe(new FileSample("invalid.csv", Files.readAllBytes(file))).score());
        RecordingSink sink = parse(file);
        assertEquals(0, sink.lines.size());
        assertEquals(1, sink.problems.size());
        ParseProblem problem = sink.problems.get(0);
        assertTrue(problem.fatal());
        assertEquals("invalid.csv record 1 (line 1): field \"record type\": expected an OLB record type (DH, DS, DE, DF, DC, DO or TS),"
                + " found \"invalid services file\"", problem.message());
    }

    @Test
    void aBadAmountIsReportedWithItsPositionAndTheRestIsRead() throws Exception {
        RecordingSink sink = parse("""
                DH,111,20240105,INV-9,1,021,,H,D,20240105,x,0,0,0,0,00000010.00,00000010.00
                DO,111,20240105,INV-9,2,002,0355550000,G,D,N,1,1,Item,,,20240101,,0,0,x,CODE,ONCEONLY,70,,,,Detail,0000000010.00,0,0000000010.00,0000000000.00,0000000010.00
                DO,111,20240105,INV-9,3,002,0355550000,G,D,N,1,1,Item,,,20240101,,0,0,x,CODE,ONCEONLY,70,,,,Detail,0000000001.00,0,00000000I.00,0000000000.00,0000000001.00
                """);
        assertEquals(1, sink.lines.size());
        assertEquals(1, sink.problems.size());
        assertEquals("hand-made.csv record 3 (line 3): field \"net once-off charge excluding GST\": expected a decimal amount"
                + " such as 0000000003.30, found \"00000000I.00\"", sink.problems.get(0).message());
        assertEquals(1, sink.statedTotals.size(), "the invoice still ends, for the pipeline to decide");
    }

    @Test
    void aChargeBeforeAnyInvoiceHeaderIsAProblem() throws Exception {
        RecordingSink sink = parse("DC,1,20240101,I,1,002,0355550000,C,D,JJ1,60,1,0390000000,,0,,Melb,,20240101,20240101,10:00,N,,1,1,USAGE,11,1,0,0,0,0,0,0\n");
        assertEquals(0, sink.lines.size());
        assertEquals("hand-made.csv record 1 (line 1): field \"record type\": expected an invoice header (DH) before any charge,"
                + " found \"DC\"", sink.problems.get(0).message());
    }

    /** The corrupted record an outside run found: a call ending ten years before it starts threw IllegalArgumentException. */
    @Test
    void aCallThatEndsBeforeItStartsIsAProblemWithItsPosition() throws Exception {
        RecordingSink sink = parse("""
                DH,111,20240105,INV-9,1,021,,H,D,20240105,x,0,0,0,0,00000010.00,00000010.00
                DC,111,20130619,INV-9,2,002,0355551492,C,D,JJ430,000000086,1,0398560047,,0,,Melbourne,,20130529,20030529,11:00:15,N Economy,,1,1,USAGE,11,1,00000000.89,0000000000.07,0,0000000000.07,0000000000.01,0000000000.08
                """);
        assertEquals(0, sink.lines.size());
        assertEquals(List.of("hand-made.csv record 2 (line 2): field \"call end date\": expected a date on or after 2013-05-29 (the call"
                + " date), found \"20030529\""), sink.problems.stream().map(problem -> problem.message()).toList());
    }
}
