package org.bridgeline.parser.layout.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bridgeline.testkit.RecordingSink;
import org.junit.jupiter.api.Test;

/** The mapping engine on hand-made layouts: numbers, fixed widths, dispatch, grouping, errors. */
class LayoutParserTest {

    private static LayoutParser parser(String json) throws Exception {
        return new LayoutParser(ProfileReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json"));
    }

    private static RecordingSink parse(LayoutParser parser, String text) throws Exception {
        RecordingSink sink = new RecordingSink();
        parser.parse("bill.txt", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), sink);
        return sink;
    }

    private static final String FIXED = """
            {
              "id": "acme-fixed", "carrier": "Acme", "format": "fixed-width bill",
              "detect": { "header": "^ACME" },
              "text": { "headerRows": 1, "fixedWidths": [
                { "name": "type", "start": 1, "length": 2 }, { "name": "account", "start": 3, "length": 6 },
                { "name": "invoice", "start": 9, "length": 5 }, { "name": "date", "start": 14, "length": 8 },
                { "name": "circuit", "start": 22, "length": 8 }, { "name": "amount", "start": 30, "length": 9 } ] },
              "numbers": { "impliedDecimals": 2 },
              "invoice": { "carrier": "Acme", "account": "{account}", "number": "{invoice}",
                           "date": { "value": "{date}", "format": "yyyyMMdd" }, "currency": "USD" },
              "lines": [
                { "name": "mrc", "when": { "column": "type", "equals": "RC" }, "category": "RECURRING", "amount": "{amount}", "serviceId": "{circuit}", "serviceType": "DIA" },
                { "name": "tax", "when": { "column": "type", "equals": "TX" }, "category": "TAX", "amount": "{amount}", "taxType": "FUSF" }
              ]
            }
            """;

    @Test
    void fixedWidthsImpliedDecimalsRecordTypesAndInvoiceGrouping() throws Exception {
        RecordingSink sink = parse(parser(FIXED), """
                ACME BILL EXPORT
                RCA00001I000120260131CKT-0001000125000
                TXA00001I000120260131        000000375
                RCA00002I000220260131CKT-0002000050050
                """);
        assertEquals(List.of(), sink.problems);
        assertEquals(2, sink.invoices.size(), "a new account and invoice number starts a new invoice");
        assertEquals(3, sink.lines.size());
        assertEquals(0, new BigDecimal("1250.00").compareTo(sink.lines.get(0).amount().amount()));
        assertEquals("FUSF", sink.lines.get(1).taxType());
        assertEquals(0, new BigDecimal("3.75").compareTo(sink.lines.get(1).amount().amount()));
        assertEquals("bill.txt record 4 (line 4)", sink.lines.get(2).source().toString());
    }

    private static final String PERIOD = """
            {
              "id": "acme-period", "carrier": "Acme", "format": "bill with a billing period",
              "detect": { "header": "^account,invoice" },
              "text": { "delimiter": ",", "headerRows": 1 },
              "invoice": { "carrier": "Acme", "account": "{account}", "number": "{invoice}", "currency": "USD",
                           "date": { "value": "{date}", "format": "yyyy-MM-dd" },
                           "period": { "start": { "value": "{from}", "format": "yyyy-MM-dd" },
                                       "end": { "value": "{to}", "format": "yyyy-MM-dd" } } },
              "lines": [ { "category": "RECURRING", "amount": "{amount}", "serviceId": "{circuit}" } ]
            }
            """;

    @Test
    void anInvoiceTakesItsBillingPeriodFromItsFirstRow() throws Exception {
        RecordingSink sink = parse(parser(PERIOD), """
                account,invoice,date,from,to,circuit,amount
                A1,I1,2026-01-31,2026-01-01,2026-01-31,CKT-1,100.00
                A1,I2,2026-02-28,2026-02-28,2026-02-01,CKT-1,100.00
                """);
        assertEquals(org.bridgeline.api.model.Period.of(java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 1, 31)),
                sink.invoices.get(0).billingPeriod());
        assertEquals(org.bridgeline.api.model.Period.of(java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 1, 31)),
                sink.lines.get(0).billingPeriod());
        assertEquals("bill.txt record 3 (line 3): field \"billing period end\": expected a date on or after 2026-02-28, found \"2026-02-01\"",
                sink.problems.get(0).message());
    }

    @Test
    void aValueThatDoesNotReadIsReportedAndItsRowLeftOut() throws Exception {
        RecordingSink sink = parse(parser(FIXED), """
                ACME BILL EXPORT
                RCA00001I000120260131CKT-000100012x000
                RCA00001I000120260131CKT-0002000050050
                """);
        assertEquals(1, sink.lines.size());
        assertEquals("bill.txt record 2 (line 2): field \"mrc amount\": expected a number such as 1234.50 or (1234.50), found \"00012x000\"",
                sink.problems.get(0).message());
    }

    @Test
    void aFileWhoseHeaderLacksAMappedColumnIsRefusedAtTheHeader() throws Exception {
        LayoutParser parser = parser("""
                { "id": "x", "carrier": "X", "format": "x", "detect": { "header": "^a," }, "text": { "delimiter": "," },
                  "invoice": { "carrier": "X", "account": "{a}", "number": "{b}", "date": { "value": "{d}", "format": "yyyy-MM-dd" }, "currency": "EUR" },
                  "lines": [ { "category": "USAGE", "amount": "{cost}" } ] }
                """);
        RecordingSink sink = parse(parser, "a,b,d,price\n1,2,2026-01-01,3\n");
        assertEquals(0, sink.lines.size());
        assertTrue(sink.problems.get(0).fatal());
        assertEquals("bill.txt record 1 (line 1): field \"header\": expected the columns [cost] of layout x, found \"a, b, d, price\"",
                sink.problems.get(0).message());
    }

    @Test
    void currencySignsGroupingAndParenthesesReadExactly() {
        NumberFormatSpec us = new NumberFormatSpec('.', ",", List.of("$"), true, 0);
        assertEquals(new BigDecimal("-1948.03"), us.parse("($1,948.03)"));
        NumberFormatSpec european = new NumberFormatSpec(',', ".", List.of("€"), false, 0);
        assertEquals(new BigDecimal("1234.5"), european.parse("€ 1.234,5"));
        assertThrows(NumberFormatException.class, () -> european.parse("1,234.5"));
    }

    @Test
    void aBrokenProfileSaysWhereAndWhat() {
        ProfileException error = assertThrows(ProfileException.class, () -> parser("""
                { "id": "Bad Id", "carrier": "X", "format": "x", "detect": { "header": "^a" }, "text": {},
                  "invoice": {}, "lines": [] }
                """));
        assertEquals("test.json: field \"id\": expected lower-case letters, digits, dots and dashes, found Bad Id", error.getMessage());
    }
}
