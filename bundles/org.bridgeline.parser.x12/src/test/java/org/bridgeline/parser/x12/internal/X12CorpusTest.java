package org.bridgeline.parser.x12.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.testkit.RecordingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 811s in the shapes carriers' published guides describe (src/test/resources/corpus), not as our generator writes them:
 * heading segments the profile does not read, the account beside a master account or on a billing-arrangement HL, the
 * service on its own HL loop above the charges, taxes at three levels, SLN sublines included and added, a consolidated
 * interchange of several groups and accounts with other delimiters and no newlines. Figures worked out by hand.
 */
class X12CorpusTest {

    static RecordingSink parse(String name, byte[] bytes) throws Exception {
        RecordingSink sink = new RecordingSink();
        X12ParserTest.parser("x12-811-standard").parse(name, new ByteArrayInputStream(bytes), sink);
        return sink;
    }

    static RecordingSink corpus(String name) throws Exception {
        return parse(name, Files.readAllBytes(Path.of("src/test/resources/corpus", name)));
    }

    static BigDecimal sum(List<ChargeLine> lines) {
        return lines.stream().map(line -> line.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void anAttShapedBillReadsTheTreeTheTaxesOfEveryLevelAndTheSublines() throws Exception {
        RecordingSink sink = corpus("att-shape.x12");
        assertEquals(List.of(), sink.problems);
        assertEquals("214555010088", sink.invoices.get(0).account(), "REF 11 is preferred to the master account REF 14");
        assertEquals(Money.of("946.95", "USD"), sink.statedTotals.get(0));
        assertEquals(0, new BigDecimal("946.95").compareTo(sum(sink.lines)), "balanced against TDS");
        assertEquals(9, sink.lines.size());

        ChargeLine invoiceTax = sink.lines.get(0);
        assertEquals("FT", invoiceTax.taxType());
        assertNull(invoiceTax.serviceId(), "a heading TXI is the invoice's");
        assertEquals("att-shape.x12 record 11 (line 11)", invoiceTax.source().toString());

        ChargeLine line = sink.lines.get(1);
        assertEquals("2145550100", line.serviceId(), "from SI TN on the category HL above the charge HL");
        assertEquals(ServiceType.VOICE_LINE, line.serviceType());
        assertEquals("2145550100", sink.lines.get(2).serviceId(), "the line item's TXI has the line item's service");
        assertEquals(0, new BigDecimal("12.00").compareTo(sink.lines.get(3).amount().amount()), "IT1 without AMT: quantity x unit price");

        ChargeLine levelTax = sink.lines.get(4);
        assertEquals("LS", levelTax.taxType());
        assertEquals("34.KXFS.118822..SW", levelTax.serviceId(), "a TXI on an HL loop has that loop's service");

        ChargeLine port = sink.lines.get(5);
        assertEquals(0, new BigDecimal("800.00").compareTo(port.amount().amount()), "SLN I: the breakdown replaces its IT1");
        assertEquals(ServiceType.DIA, port.serviceType());
        assertEquals(0, new BigDecimal("100").compareTo(port.bandwidthMbps()));
        ChargeLine expedite = sink.lines.get(7);
        assertEquals(ChargeCategory.ONE_TIME, expedite.category(), "SLN A adds to its IT1");
        assertEquals("DEDICATED INTERNET 100M: EXPEDITE FEE", expedite.description());
        assertTrue(sink.lines.stream().noneMatch(l -> "CA".equals(l.taxType())), "TXI07 O is information, not a charge");

        assertEquals(List.of("ITD", "N1", "N3", "N4", "NTE"), sink.warnings.stream().map(w -> w.field()).toList(),
                "segments the profile does not read: skipped, counted, listed");
        assertEquals("att-shape.x12 record 5 (line 5): field \"NTE\": expected a segment profile x12-811-standard reads; skipped 1 time,"
                + " first, found \"NTE\"", sink.warnings.get(4).message());
    }

    @Test
    void aVerizonShapedBillWithItemisedCallsChargePeriodsAndAnAccountLevelFeeWithCrLf() throws Exception {
        RecordingSink sink = corpus("verizon-shape.x12");
        assertEquals(List.of(), sink.problems);
        assertEquals("0551234567-00001", sink.invoices.get(0).account());
        assertEquals(Money.of("335.72", "USD"), sink.statedTotals.get(0));
        assertEquals(0, new BigDecimal("335.72").compareTo(sum(sink.lines)));
        assertEquals(6, sink.lines.size());
        ChargeLine fee = sink.lines.get(0);
        assertEquals("FF", fee.taxType());
        assertNull(fee.serviceId(), "a TXI on the account's HL: no service above it");
        ChargeLine line = sink.lines.get(1);
        assertEquals("9725550143", line.serviceId());
        assertEquals(java.time.LocalDate.of(2026, 2, 11), line.chargePeriod().start(), "billed in advance: DTM 150 and 151");
        assertEquals(java.time.LocalDate.of(2026, 3, 10), line.chargePeriod().end());
        ChargeLine call = sink.lines.get(2);
        assertEquals(ChargeCategory.USAGE, call.category());
        assertEquals("2145550111", call.destination(), "TCD itemised calls replace their IT1");
        assertEquals(0, new BigDecimal("12").compareTo(call.usageQuantity()));
        assertEquals("9725550143", sink.lines.get(4).serviceId(), "the line item's TXI");
        ChargeLine ds1 = sink.lines.get(5);
        assertEquals("VZ.DS1.778812", ds1.serviceId());
        assertEquals(0, new BigDecimal("1.544").compareTo(ds1.bandwidthMbps()));
        assertEquals("verizon-shape.x12 record 34 (line 34)", ds1.source().toString(), "CRLF line ends count as one");
    }

    @Test
    void aWindstreamShapedBillWithAllowancesAndChargesOfTheItemAndTheSummary() throws Exception {
        RecordingSink sink = corpus("windstream-shape.x12");
        assertEquals(List.of(), sink.problems);
        assertEquals("044-118-2231", sink.invoices.get(0).account(), "REF 12, not the receivable REF AR");
        assertEquals(Money.of("78.25", "USD"), sink.statedTotals.get(0));
        assertEquals(0, new BigDecimal("78.25").compareTo(sum(sink.lines)), "TDS counts the ITA allowance and charge");
        assertEquals(5, sink.lines.size(), "ITA N is neither");
        ChargeLine credit = sink.lines.get(2);
        assertEquals(ChargeCategory.CREDIT, credit.category());
        assertEquals(0, new BigDecimal("-10.00").compareTo(credit.amount().amount()), "ITA A: an allowance, ITA07 with two implied decimals");
        assertEquals("5015550188", credit.serviceId(), "the line item's allowance has its service");
        assertEquals("PROMOTIONAL CREDIT", credit.description());
        ChargeLine late = sink.lines.get(4);
        assertEquals(ChargeCategory.SURCHARGE, late.category());
        assertNull(late.serviceId(), "an ITA in the summary is the invoice's");
        assertEquals(0, new BigDecimal("24.95").compareTo(sink.lines.get(3).amount().amount()), "5 x 4.99");
    }

    /** A consolidated bill: the master account's one invoice, each store's charges under its own location account. */
    @Test
    void aGraniteShapedBillKeepsEachLocationAccountOnItsLines() throws Exception {
        RecordingSink sink = corpus("granite-shape.x12");
        assertEquals(List.of(), sink.problems);
        assertEquals("GRN-MASTER-9001", sink.invoices.get(0).account(), "the master account in the heading");
        assertEquals(Money.of("134.32", "USD"), sink.statedTotals.get(0));
        assertEquals(0, new BigDecimal("134.32").compareTo(sum(sink.lines)));
        assertEquals(List.of("LOC-0001", "LOC-0001", "LOC-0002", "LOC-0002", "LOC-0002"),
                sink.lines.stream().map(ChargeLine::subAccount).toList(), "REF 11 on the sub-billing arrangement loops");
        assertEquals(List.of("DEN-114", "DEN-114", "BOI-221", "BOI-221", "BOI-221"), sink.lines.stream().map(ChargeLine::site).toList(),
                "each store's service location");
        assertTrue(sink.lines.stream().allMatch(line -> line.account().equals("GRN-MASTER-9001")));
        assertEquals(0, new BigDecimal("59.90").compareTo(sink.lines.get(0).amount().amount()), "2 lines at 29.95");
    }

    @Test
    void aConsolidatedInterchangeOfSeveralGroupsAndAccountsWithOtherDelimitersAndNoNewlines() throws Exception {
        RecordingSink sink = corpus("lumen-consolidated.x12");
        assertEquals(List.of(), sink.problems);
        assertEquals(List.of("3030-1001", "3030-1002", "3030-2001"), sink.invoices.stream().map(invoice -> invoice.account()).toList(),
                "the account on the billing-arrangement HL of each transaction");
        assertEquals(List.of(Money.of("1214.25", "USD"), Money.of("981.25", "USD"), Money.of("453.10", "USD")), sink.statedTotals);
        assertEquals(6, sink.lines.size());
        assertEquals(0, new BigDecimal("2648.60").compareTo(sum(sink.lines)));
        ChargeLine first = sink.lines.get(0);
        assertEquals("71.KGFN.100201..LUMN", first.serviceId(), "the circuit on the sub-account HL");
        assertEquals(ServiceType.ETHERNET, first.serviceType());
        assertEquals(ChargeCategory.USAGE, sink.lines.get(1).category());
        assertEquals("lumen-consolidated.x12 record 15 (line 1)", first.source().toString(), "no newlines: every segment on line 1");
    }

    @Test
    void aFatalProblemIsReportedOnceAndTheNextTransactionIsRead() throws Exception {
        String text = Files.readString(Path.of("src/test/resources/corpus/lumen-consolidated.x12"), StandardCharsets.ISO_8859_1)
                .replaceFirst("HL\\|2\\|1\\|2", "HL|2|9|2");
        RecordingSink sink = parse("broken.x12", text.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(1, sink.problems.size(), "one root cause, one message: " + sink.problems);
        assertEquals("broken.x12 record 10 (line 1): field \"HL02\": expected the id of an earlier HL (parent of HL 2), found \"9\"",
                sink.problems.get(0).message());
        assertEquals(List.of("3030-1002", "3030-2001"), sink.invoices.stream().map(invoice -> invoice.account()).toList());
        assertTrue(sink.warnings.stream().anyMatch(w -> w.message().contains("13 segments skipped after its fatal problem")),
                sink.warnings.toString());
    }

    /** An ISA whose sender was not padded to 15 characters: its last characters are not the delimiters they seem. */
    @Test
    void anUnpaddedIsaIsRefusedWithWhatIsWrong() throws Exception {
        String text = Files.readString(Path.of("src/test/resources/corpus/att-shape.x12"), StandardCharsets.ISO_8859_1)
                .replace("ATTBILLING     *", "ATTBILLING*");
        RecordingSink sink = parse("unpadded.x12", text.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(1, sink.problems.size(), sink.problems.toString());
        assertEquals("unpadded.x12 record 1 (line 1): field \"ISA\": expected an ISA of 106 characters whose 16 elements have their fixed"
                + " widths (ISA06 and ISA08 padded to 15), found \"ISA16 at character 100\"", sink.problems.get(0).message());
        assertEquals(List.of(), sink.invoices, "nothing of it is read");
    }

    /** Malformed copies of the AT&T-shaped bill: one message per root cause, with the segment and the field. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "CTT*3~|CTT*4~|att-shape.x12 record 46 (line 46): field \"CTT01\": expected 3 line items (the IT1 segments of this invoice), found \"4\"",
        "SE*45*0001~|SE*44*0001~|att-shape.x12 record 47 (line 47): field \"SE01\": expected 45 segments from ST to SE, found \"44\"",
        "HL*5*3*8~|HL*5*30*8~|att-shape.x12 record 25 (line 25): field \"HL02\": expected the id of an earlier HL (parent of HL 5), found \"30\"",
        "TDS*94695~|TDS~|att-shape.x12 record 45 (line 45): field \"TDS01 total\": expected a value, found \"\"",
        "GE*1*101~|@CUT|att-shape.x12 record 46 (line 46): field \"SE\": expected an SE segment closing the transaction, found \"the end of the file\""
    })
    void aMalformedCopyGivesOneMessagePerRootCause(String from, String to, String message) throws Exception {
        String text = Files.readString(Path.of("src/test/resources/corpus/att-shape.x12"), StandardCharsets.ISO_8859_1);
        assertTrue(text.contains(from), from);
        String broken = to.equals("@CUT") ? text.substring(0, text.indexOf("SE*45*0001~")) : text.replace(from, to);
        RecordingSink sink = parse("att-shape.x12", broken.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of(message), sink.problems.stream().map(problem -> problem.message()).toList());
    }

    /** A service location (N1 77) on the sub-account loop is the site of every charge beneath it; a payee N1 is not read. */
    @Test
    void aServiceLocationOnALoopIsTheSiteOfItsCharges() throws Exception {
        String text = Files.readString(Path.of("src/test/resources/corpus/lumen-consolidated.x12"), StandardCharsets.ISO_8859_1)
                .replaceFirst("(SI\\|TI\\|CI\\|71\\.KGFN\\.100201\\.\\.LUMN\\|ST\\|ETH\\|BW\\|1000~)", "$1N1|77|DALLAS DATA CENTER|92|DAL-01~")
                .replaceFirst("SE\\|22\\|0001", "SE|23|0001");
        RecordingSink sink = parse("site.x12", text.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of(), sink.problems);
        assertEquals("DAL-01", sink.lines.get(0).site(), "N104, the location's code");
        assertEquals("DAL-01", sink.lines.get(1).site());
        assertNull(sink.lines.get(2).site(), "the next account's loop has none");
    }

    /** A transaction of another set (an 810 among the 811s) is one problem, skipped to its SE; the 811s around it are read. */
    @Test
    void anotherTransactionSetInTheInterchangeIsOneProblemAndTheRestIsRead() throws Exception {
        String text = Files.readString(Path.of("src/test/resources/corpus/lumen-consolidated.x12"), StandardCharsets.ISO_8859_1)
                .replaceFirst("ST\\|811\\|0002", "ST|810|0002");
        RecordingSink sink = parse("mixed.x12", text.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(1, sink.problems.size(), sink.problems.toString());
        assertTrue(sink.problems.get(0).message().contains("field \"ST01\": expected transaction set 811, found \"810\""),
                sink.problems.get(0).message());
        assertEquals(List.of("3030-1001", "3030-2001"), sink.invoices.stream().map(invoice -> invoice.account()).toList());
    }

    /** SAC, ITA's successor, in the same places: the same lines, the same balance. */
    @Test
    void sacReadsAsItaDoes() throws Exception {
        String text = Files.readString(Path.of("src/test/resources/corpus/windstream-shape.x12"), StandardCharsets.ISO_8859_1)
                .replace("ITA*A**PR*02***1000******PROMOTIONAL CREDIT~", "SAC*A*PR***1000**********PROMOTIONAL CREDIT~")
                .replace("ITA*C**LF*06***500******LATE PAYMENT CHARGE~", "SAC*C*LF***500**********LATE PAYMENT CHARGE~");
        assertTrue(text.contains("SAC*A") && text.contains("SAC*C"));
        RecordingSink sac = parse("windstream-sac.x12", text.getBytes(StandardCharsets.ISO_8859_1));
        RecordingSink ita = corpus("windstream-shape.x12");
        assertEquals(List.of(), sac.problems);
        assertEquals(ita.lines.stream().map(l -> l.category() + " " + l.amount() + " " + l.description() + " " + l.chargeCode()).toList(),
                sac.lines.stream().map(l -> l.category() + " " + l.amount() + " " + l.description() + " " + l.chargeCode()).toList());
    }
}
