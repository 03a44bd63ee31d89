package org.bridgeline.parser.layout.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.parser.Confidence;
import org.bridgeline.api.parser.FileSample;
import org.bridgeline.testkit.ParserConformance;
import org.bridgeline.testkit.RecordingSink;
import org.junit.jupiter.api.Test;

/**
 * Report-style exports, as carrier portals write them: a preamble of labelled cells, a header found by a pattern, subtotal
 * rows, footer totals; UTF-8 with a byte-order mark, Latin-1 with a header in two languages. The fixtures and profiles
 * are in src/test/resources/reports, as a partner's profile-only bundle would hold them.
 */
class ReportLayoutTest {

    static final Path REPORTS = Path.of("src/test/resources/reports");

    static LayoutParser profile(String id) throws Exception {
        try (InputStream in = Files.newInputStream(REPORTS.resolve(id + ".json"))) {
            return new LayoutParser(ProfileReader.read(in, id + ".json"));
        }
    }

    static RecordingSink parse(LayoutParser parser, String name, byte[] bytes) throws Exception {
        RecordingSink sink = new RecordingSink();
        parser.parse(name, new ByteArrayInputStream(bytes), sink);
        return sink;
    }

    static RecordingSink parse(LayoutParser parser, String file) throws Exception {
        return parse(parser, file, Files.readAllBytes(REPORTS.resolve(file)));
    }

    static BigDecimal sum(List<ChargeLine> lines) {
        return lines.stream().map(line -> line.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void preambleFieldsFooterTotalsAndSubtotalRowsOfAReport() throws Exception {
        RecordingSink sink = parse(profile("northbeam-mobile-report"), "northbeam-mobile-2023-02.csv");
        assertEquals(List.of(), sink.problems);
        assertEquals(1, sink.invoices.size());
        var invoice = sink.invoices.get(0);
        assertEquals("11223344", invoice.account(), "Client No: from the preamble");
        assertEquals("NBM-230206-0778", invoice.number());
        assertEquals(LocalDate.of(2023, 2, 6), invoice.date());
        assertEquals(Money.of("1341.16", "CAD"), sink.statedTotals.get(0), "Total Current Charges: from the footer");
        assertEquals(0, new BigDecimal("1341.16").compareTo(sum(sink.lines)), "the lines balance to the footer's total");
        assertEquals(8, sink.lines.size(), "six table rows (subtotals skipped) and two footer charges");

        assertEquals(0, new BigDecimal("0.74").compareTo(sink.lines.get(1).amount().amount()), ".74");
        assertEquals(0, new BigDecimal("12").compareTo(sink.lines.get(1).usageQuantity()));
        assertEquals(0, new BigDecimal("-5.00").compareTo(sink.lines.get(2).amount().amount()), "(5.00) is a credit");
        assertEquals(ChargeCategory.CREDIT, sink.lines.get(2).category());
        assertEquals(0, new BigDecimal("1204.10").compareTo(sink.lines.get(4).amount().amount()), "\"1,204.10\"");
        assertNull(sink.lines.get(0).usageQuantity(), "* is no value");

        ChargeLine gst = sink.lines.get(7);
        assertEquals(ChargeCategory.TAX, gst.category());
        assertEquals("GST/HST", gst.taxType());
        assertEquals("northbeam-mobile-2023-02.csv record 17 (line 17)", gst.source().toString(), "the footer row it stands in");
        assertEquals(List.of(), sink.warnings, "the note below the footer is one cell: no warning");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstCell() throws Exception {
        LayoutParser parser = profile("northbeam-mobile-report");
        byte[] bytes = Files.readAllBytes(REPORTS.resolve("northbeam-mobile-2023-03-bom.csv"));
        assertTrue(parser.probe(new FileSample("northbeam-mobile-2023-03-bom.csv", bytes)).score() >= Confidence.THRESHOLD);
        RecordingSink sink = parse(parser, "northbeam-mobile-2023-03-bom.csv");
        assertEquals(List.of(), sink.problems);
        assertEquals("NBM-230306-0912", sink.invoices.get(0).number());
        assertEquals(0, sink.statedTotals.get(0).amount().compareTo(sum(sink.lines)));
    }

    @Test
    void aLatin1ReportWithItsHeaderInTwoLanguagesAndDecimalCommas() throws Exception {
        RecordingSink sink = parse(profile("boreal-telecom-report"), "boreal-2023-02-latin1.csv");
        assertEquals(List.of(), sink.problems);
        assertEquals("55667788", sink.invoices.get(0).account());
        assertEquals("Télécom Boréal", sink.invoices.get(0).carrier());
        assertEquals(Money.of("1343.79", "CAD"), sink.statedTotals.get(0));
        assertEquals(0, new BigDecimal("1343.79").compareTo(sum(sink.lines)));
        assertEquals(5, sink.lines.size());
        assertEquals(0, new BigDecimal("1234.56").compareTo(sink.lines.get(0).amount().amount()), "1.234,56");
        assertEquals("Forfait affaires Élite", sink.lines.get(0).description());
        assertEquals("514-555-0100", sink.lines.get(1).serviceId(), "{Numéro} and {Number} name the same column");
        assertEquals(0, new BigDecimal("0.74").compareTo(sink.lines.get(1).amount().amount()), ",74");
        assertEquals(0, new BigDecimal("-0.50").compareTo(sink.lines.get(2).amount().amount()), "-,50");
        assertNull(sink.lines.get(0).usageQuantity(), "N/A is no value in Minutes");
    }

    @Test
    void aReportIsFoundByItsHeaderBelowThePreambleNotOnLineOne() throws Exception {
        byte[] bytes = Files.readAllBytes(REPORTS.resolve("northbeam-mobile-2023-02.csv"));
        assertTrue(profile("northbeam-mobile-report").probe(new FileSample("northbeam-mobile-2023-02.csv", bytes)).score()
                >= Confidence.THRESHOLD);
        String firstLineOnly = Files.readString(REPORTS.resolve("northbeam-mobile-report.json")).replace("\"withinLines\": 12", "\"withinLines\": 1");
        LayoutParser strict = new LayoutParser(ProfileReader.read(new ByteArrayInputStream(firstLineOnly.getBytes(StandardCharsets.UTF_8)), "x.json"));
        assertTrue(strict.probe(new FileSample("northbeam-mobile-2023-02.csv", bytes)).score() < Confidence.THRESHOLD);
    }

    @Test
    void aCutRowIsABadRecordWithItsPositionNotADroppedRow() throws Exception {
        String text = Files.readString(REPORTS.resolve("northbeam-mobile-2023-02.csv"))
                .replace("604-555-0102,A. Lee,Business Share 10GB,MRC,*,30.00", "604-555-0102,A. Lee,Business Share 10GB");
        RecordingSink sink = parse(profile("northbeam-mobile-report"), "cut.csv", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, sink.problems.size(), sink.problems.toString());
        assertEquals("cut.csv record 11 (line 11): expected a row of 6 cells or more, as the header has, found \"3 cells: "
                + "604-555-0102,A. Lee,Business Share 10GB\"", sink.problems.get(0).message());
    }

    @Test
    void aReportCutBeforeItsFooterSaysTheTotalIsMissing() throws Exception {
        String text = Files.readString(REPORTS.resolve("northbeam-mobile-2023-02.csv"));
        text = text.substring(0, text.indexOf(",,,,,\nAccount Charges"));
        RecordingSink sink = parse(profile("northbeam-mobile-report"), "short.csv", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, sink.problems.size(), sink.problems.toString());
        assertEquals("short.csv record 14 (line 14): field \"stated total\": expected a footer row labelled \"Total Current Charges\" "
                + "before the invoice ends, found \"the end of the file\"", sink.problems.get(0).message());
    }

    @Test
    void aReportWhoseHeaderNeverComesIsRefusedNotReadAsEmpty() throws Exception {
        String text = Files.readString(REPORTS.resolve("northbeam-mobile-2023-02.csv")).replace("Phone Number,User,", "Phone,User,");
        RecordingSink sink = parse(profile("northbeam-mobile-report"), "renamed.csv", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("renamed.csv: field \"header\": expected a header row matching ^Phone Number,User, (layout "
                + "northbeam-mobile-report), found \"none in 20 rows\""), sink.problems.stream().map(p -> p.message()).toList());
        assertTrue(sink.problems.get(0).fatal());
        assertEquals(List.of(), sink.invoices);
    }

    @Test
    void twoInvoicesInOneReportEachWithItsPreambleAndFooter() throws Exception {
        String one = Files.readString(REPORTS.resolve("northbeam-mobile-2023-02.csv"));
        String two = one.replace("11223344", "99887766").replace("NBM-230206-0778", "NBM-230206-0779");
        RecordingSink sink = parse(profile("northbeam-mobile-report"), "two.csv", (one + two).getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), sink.problems);
        assertEquals(List.of("11223344", "99887766"), sink.invoices.stream().map(invoice -> invoice.account()).toList());
        assertEquals(List.of(Money.of("1341.16", "CAD"), Money.of("1341.16", "CAD")), sink.statedTotals);
        assertEquals(16, sink.lines.size());
    }

    @Test
    void aRowNoMappingTakesAndARowAfterTheFooterAreListedNotLost() throws Exception {
        String text = Files.readString(REPORTS.resolve("northbeam-mobile-2023-02.csv"))
                .replace("604-555-0102,A. Lee,Caller ID,MRC,-,0.00", "604-555-0102,A. Lee,Caller ID,XYZ,-,0.00")
                .replace("\"Questions? Call 1-800-555-0199\",,,,,", "604-555-0103,B. Roy,Late plan,MRC,*,10.00");
        RecordingSink sink = parse(profile("northbeam-mobile-report"), "odd.csv", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(), sink.problems);
        assertEquals(2, sink.warnings.size(), sink.warnings.toString());
        assertTrue(sink.warnings.get(0).message().startsWith("odd.csv record 13 (line 13): expected a row one of the layout's line mappings "
                + "takes (Charge Type = \"MRC\"; "), sink.warnings.get(0).message());
        assertTrue(sink.warnings.get(1).message().startsWith("odd.csv record 20 (line 20): expected a footer total or the next header"),
                sink.warnings.get(1).message());
    }

    @Test
    void numbersAsReportsWriteThem() {
        NumberFormatSpec plain = NumberFormatSpec.PLAIN;
        assertEquals(new BigDecimal(".74"), plain.parse(".74"));
        assertEquals(new BigDecimal("-.5"), plain.parse("-.5"));
        assertEquals(new BigDecimal("-1.23"), plain.parse("(1.23)"), "parentheses are negative by default");
        NumberFormatSpec european = new NumberFormatSpec(',', ".", List.of("€"), true, 0);
        assertEquals(new BigDecimal("1234.56"), european.parse("1.234,56"));
        assertEquals(new BigDecimal("-1234.56"), european.parse("(1.234,56 €)"));
        org.junit.jupiter.api.Assertions.assertThrows(NumberFormatException.class, () -> plain.parse("9".repeat(41)),
                "longer than any amount: refused before BigDecimal spends seconds on it");
    }

    /** Plain digits are read without the layout's pattern; whatever is not plain still meets it. */
    @Test
    void plainNumbersAndTheRestReadTheSameWay() {
        NumberFormatSpec plain = NumberFormatSpec.PLAIN;
        for (String read : new String[] {"12", "12.", ".74", "007", "1538.84", "-3.5", "3.5-"}) {
            assertEquals(new BigDecimal(read.endsWith("-") ? "-" + read.substring(0, read.length() - 1) : read), plain.parse(read), read);
        }
        for (String refused : new String[] {".", "", "1.2.3", "1,234.50", "1e5", "+4", "١٢"}) {
            org.junit.jupiter.api.Assertions.assertThrows(NumberFormatException.class, () -> plain.parse(refused), refused);
        }
        NumberFormatSpec grouped = new NumberFormatSpec('.', ",", List.of(), true, 0);
        assertEquals(new BigDecimal("1234.50"), grouped.parse("1,234.50"));
        assertEquals(new BigDecimal("1234.50"), grouped.parse("1234.50"));
        org.junit.jupiter.api.Assertions.assertThrows(NumberFormatException.class, () -> grouped.parse("12,34.50"));
        NumberFormatSpec comma = new NumberFormatSpec(',', "", List.of(), true, 0);
        assertEquals(new BigDecimal("12.5"), comma.parse("12,5"));
        org.junit.jupiter.api.Assertions.assertThrows(NumberFormatException.class, () -> comma.parse("12.5"));
    }

    @Test
    void aProfileWithAPreambleNeedsAHeaderPatternAndFooterLinesReadOnlyFields() {
        String json = """
                { "id": "x", "carrier": "X", "format": "f", "detect": { "header": "^a" }, "text": {},
                  "preamble": { "account": "Client No" },
                  "invoice": { "carrier": "X", "account": "{account}", "number": "1", "date": { "value": "{d}", "format": "yyyy" }, "currency": "USD" },
                  "lines": [ { "category": "RECURRING", "amount": "{a}" } ] }
                """;
        ProfileException noHeader = org.junit.jupiter.api.Assertions.assertThrows(ProfileException.class,
                () -> ProfileReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "x.json"));
        assertTrue(noHeader.getMessage().startsWith("x.json: field \"text.headerAt\": expected a regular expression"), noHeader.getMessage());
        String footer = json.replace("\"text\": {}", "\"text\": { \"headerAt\": \"^a\" }")
                .replace("\"lines\": [", "\"footer\": { \"fields\": { \"tax\": \"Tax\" }, \"lines\": [ { \"category\": \"TAX\", \"amount\": \"{Amount}\" } ] }, \"lines\": [");
        ProfileException column = org.junit.jupiter.api.Assertions.assertThrows(ProfileException.class,
                () -> ProfileReader.read(new ByteArrayInputStream(footer.getBytes(StandardCharsets.UTF_8)), "x.json"));
        assertTrue(column.getMessage().contains("footer.lines[0]") && column.getMessage().contains("{Amount}"), column.getMessage());
    }

    /** The kit on the report profiles, as a partner's profile-only bundle runs it: a preamble and header, a body, a footer. */
    @Test
    void theReportProfilesConform() throws Exception {
        ParserConformance.of(profile("northbeam-mobile-report"))
                .sample(REPORTS.resolve("northbeam-mobile-2023-02.csv"), ParserConformance.expect(1, 8)
                        .total(ChargeCategory.TAX, "63.82").total(ChargeCategory.CREDIT, "-5.00"))
                .sample(REPORTS.resolve("northbeam-mobile-2023-03-bom.csv"), ParserConformance.expect(1, 8))
                .expandable(6, 6)
                .check();
        ParserConformance.of(profile("boreal-telecom-report"))
                .sample(REPORTS.resolve("boreal-2023-02-latin1.csv"), ParserConformance.expect(1, 5).total(ChargeCategory.TAX, "63.99"))
                .expandable(7, 4)
                .check();
    }
}
