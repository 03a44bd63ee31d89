package org.bridgeline.parser.x12.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.api.parser.FileSample;
import org.bridgeline.api.parser.ParseProblem;
import org.bridgeline.testkit.RecordingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** X12 811 fixtures written to the ATIS/X12 structure (no real 811 file is public), well-formed and malformed. */
class X12ParserTest {

    static X12Parser parser(String profile) throws Exception {
        try (InputStream in = X12ParserTest.class.getResourceAsStream("/x12-profiles/" + profile + ".json")) {
            return new X12Parser(X12Profile.read(in, profile));
        }
    }

    static byte[] fixture(String name) throws Exception {
        try (InputStream in = X12ParserTest.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        }
    }

    static RecordingSink parse(X12Parser parser, String name) throws Exception {
        RecordingSink sink = new RecordingSink();
        parser.parse(name, new ByteArrayInputStream(fixture(name)), sink);
        return sink;
    }

    @Test
    void theStandardProfileReadsTheHlTreeDownToEveryLineItemAndTax() throws Exception {
        RecordingSink sink = parse(parser("x12-811-standard"), "acme-standard.x12");
        assertEquals(List.of(), sink.problems);
        assertEquals(1, sink.invoices.size());
        var header = sink.invoices.get(0);
        assertEquals("Acme Telecom", header.carrier());
        assertEquals("ACC-100", header.account());
        assertEquals("ACME-2026-01", header.number());
        assertEquals(LocalDate.of(2026, 2, 5), header.date());
        assertEquals(LocalDate.of(2026, 1, 1), header.billingPeriod().start());
        assertEquals(Money.of("1936.50", "USD"), sink.statedTotals.get(0), "TDS has two implied decimals");

        assertEquals(4, sink.lines.size(), "three IT1 line items and the TXI on the first");
        ChargeLine dia = sink.lines.get(0);
        assertEquals("CKT-0001", dia.serviceId());
        assertEquals("DIA100", dia.chargeCode());
        assertEquals("HQ", dia.site());
        assertEquals(ServiceType.DIA, dia.serviceType());
        assertEquals(ChargeCategory.RECURRING, dia.category());
        assertEquals(0, new BigDecimal("100").compareTo(dia.bandwidthMbps()));
        assertEquals(LocalDate.of(2026, 1, 31), dia.chargePeriod().end());
        assertEquals("acme-standard.x12 record 12 (line 12)", dia.source().toString(), "the IT1 segment");
        ChargeLine tax = sink.lines.get(1);
        assertEquals(ChargeCategory.TAX, tax.category());
        assertEquals("FU", tax.taxType());
        assertEquals("US", tax.taxJurisdiction());
        assertEquals(Money.of("37.50", "USD"), tax.amount());
        assertEquals(ChargeCategory.ONE_TIME, sink.lines.get(3).category());
        BigDecimal total = sink.lines.stream().map(line -> line.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal("1936.50").compareTo(total), "the lines balance to TDS");
    }

    @Test
    void aTaxsStatedDollarBasisTravelsAsItsQuantityInTheUnitBasis() throws Exception {
        String bill = new String(fixture("acme-standard.x12"), java.nio.charset.StandardCharsets.US_ASCII)
                .replace("TXI*FU*37.50**VD*US~", "TXI*FU*37.50*3.75*VD*US***1000.00~");
        RecordingSink sink = new RecordingSink();
        parser("x12-811-standard").parse("basis.x12", new ByteArrayInputStream(bill.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                sink);
        assertEquals(List.of(), sink.problems);
        ChargeLine tax = sink.lines.get(1);
        assertEquals(0, new BigDecimal("1000.00").compareTo(tax.quantity()), "TXI08, the dollar basis for the percent");
        assertEquals("BASIS", tax.unit());
        assertEquals("EA", sink.lines.get(3).unit(), "an item keeps its own unit");
    }

    @Test
    void aCarrierVariantWithItsOwnHlCodesAndQualifiersIsReadByItsProfile() throws Exception {
        byte[] northwind = fixture("northwind-variant.x12");
        byte[] acme = fixture("acme-standard.x12");
        assertEquals(95, parser("x12-811-northwind").probe(new FileSample("nw.x12", northwind)).score());
        assertEquals(85, parser("x12-811-standard").probe(new FileSample("nw.x12", northwind)).score(),
                "the standard profile also claims it, less surely: core picks the variant");
        assertEquals(0, parser("x12-811-northwind").probe(new FileSample("acme.x12", acme)).score());

        RecordingSink standard = parse(parser("x12-811-standard"), "northwind-variant.x12");
        assertTrue(standard.problems.get(0).message().contains("field \"HL03\": expected a level code of profile x12-811-standard"),
                standard.problems.toString());

        RecordingSink sink = parse(parser("x12-811-northwind"), "northwind-variant.x12");
        assertEquals(List.of(), sink.problems);
        assertEquals("Northwind Telecom", sink.invoices.get(0).carrier());
        assertEquals("NW-ACCT-7", sink.invoices.get(0).account());
        assertEquals(2, sink.lines.size());
        ChargeLine eline = sink.lines.get(0);
        assertEquals("NW-ETH-0042", eline.serviceId());
        assertEquals(ServiceType.ETHERNET, eline.serviceType());
        assertEquals(0, new BigDecimal("1000").compareTo(eline.bandwidthMbps()));
        ChargeLine minutes = sink.lines.get(1);
        assertEquals(ChargeCategory.USAGE, minutes.category());
        assertEquals(0, new BigDecimal("1250").compareTo(minutes.usageQuantity()));
        assertEquals("MIN", minutes.usageUnit());
        assertEquals(Money.of("2125.00", "USD"), sink.statedTotals.get(0));
    }

    @Test
    void sublinesAndItemisedCallsAreTheLowestElementsAndAddUpToTheirLineItem() throws Exception {
        RecordingSink sink = parse(parser("x12-811-standard"), "acme-details.x12");
        assertEquals(List.of(), sink.problems);
        assertEquals(5, sink.lines.size(), "three SLN sublines of the PRI and two TCD calls replace their two line items");
        assertEquals(List.of("PRI trunk: PRI port", "PRI trunk: DID block", "PRI trunk: Line maintenance"),
                sink.lines.subList(0, 3).stream().map(ChargeLine::description).toList());
        assertEquals(Money.of("59.80", "USD"), sink.lines.get(1).amount());
        assertEquals(0, new BigDecimal("23").compareTo(sink.lines.get(1).quantity()));
        assertTrue(sink.lines.subList(0, 3).stream().allMatch(line -> line.serviceId().equals("PRI-0001")
                && line.serviceType() == ServiceType.PRI && line.category() == ChargeCategory.RECURRING));
        ChargeLine call = sink.lines.get(3);
        assertEquals(ChargeCategory.USAGE, call.category());
        assertEquals(ServiceType.LONG_DISTANCE, call.serviceType());
        assertEquals("Long distance calls: call from 3125550100 to 2125550199", call.description());
        assertEquals("2125550199", call.destination(), "the number dialled, for pricing against a rate deck");
        assertEquals(LocalDate.of(2026, 1, 12), call.chargePeriod().start());
        assertEquals(0, new BigDecimal("12").compareTo(call.usageQuantity()));
        assertEquals(Money.of("0.84", "USD"), call.amount());
        BigDecimal total = sink.lines.stream().map(line -> line.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal("311.84").compareTo(total));
        assertEquals(Money.of("311.84", "USD"), sink.statedTotals.get(0));
    }

    @Test
    void detailsThatDoNotAddUpToTheirLineItemAreABadRecord() throws Exception {
        String text = new String(fixture("acme-details.x12"), StandardCharsets.ISO_8859_1).replace("AMT*RC*59.80", "AMT*RC*58.80");
        RecordingSink sink = new RecordingSink();
        parser("x12-811-standard").parse("bad-sum.x12", new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)), sink);
        assertEquals(1, sink.problems.size());
        assertTrue(sink.problems.get(0).message().contains("field \"AMT02\": expected the sum of the line item's SLN and TCD details, 309.00, found \"310.00\""),
                sink.problems.get(0).message());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "acme-bad-ctt.x12|acme-bad-ctt.x12 record 29 (line 29): field \"CTT01\": expected 3 line items (the IT1 segments of this invoice), found \"5\"",
        "acme-bad-se.x12|acme-bad-se.x12 record 30 (line 30): field \"SE01\": expected 28 segments from ST to SE, found \"12\"",
        "acme-missing-hl-parent.x12|acme-missing-hl-parent.x12 record 19 (line 19): field \"HL02\": expected the id of an earlier HL (parent of HL 4), found \"9\""
    })
    void aMalformedEnvelopeOrTreeIsFatal(String fixture, String message) throws Exception {
        ParseProblem problem = parse(parser("x12-811-standard"), fixture).problems.get(0);
        assertTrue(problem.fatal());
        assertEquals(message, problem.message());
    }

    @Test
    void anUnbalancedTdsIsNotAParseErrorTheImportShowsTheGap() throws Exception {
        RecordingSink sink = parse(parser("x12-811-standard"), "acme-unbalanced-tds.x12");
        assertEquals(List.of(), sink.problems);
        assertEquals(Money.of("2000.00", "USD"), sink.statedTotals.get(0));
    }

    @Test
    void aFileThatIsNotX12SaysSo() throws Exception {
        X12Parser parser = parser("x12-811-standard");
        assertEquals(0, parser.probe(new FileSample("bills.csv", "DH,1,2".getBytes(StandardCharsets.US_ASCII))).score());
        RecordingSink sink = new RecordingSink();
        parser.parse("bills.csv", new ByteArrayInputStream("DH,1,2\n".getBytes(StandardCharsets.US_ASCII)), sink);
        assertEquals("bills.csv record 1 (line 1): field \"ISA\": expected an ISA interchange header of 106 characters, found \"DH,1,2\n\"",
                sink.problems.get(0).message());
    }
}
