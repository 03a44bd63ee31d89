package org.bridgeline.parser.layout.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.parser.FileSample;
import org.bridgeline.testkit.RecordingSink;
import org.bridgeline.testkit.SharedData;
import org.junit.jupiter.api.Test;

/** The layouts this bundle ships, on the real exports in ../shared/data; figures come from the files themselves. */
class ShippedLayoutsTest {

    static final List<String> SHIPPED = List.of("verizon-wireless-account-summary", "verizon-wireless-line-summary",
            "verizon-wireless-charges-detail", "verizon-wireless-usage-detail", "telstra-calls-csv",
            "telstra-calls-csv-decimal-comma", "att-wireless-usage-detail", "att-wireless-data-pooling");

    static LayoutParser layout(String id) throws Exception {
        try (InputStream in = ShippedLayoutsTest.class.getResourceAsStream("/layouts/" + id + ".json")) {
            return new LayoutParser(ProfileReader.read(in, id + ".json"));
        }
    }

    static RecordingSink parse(LayoutParser parser, Path file) throws Exception {
        RecordingSink sink = new RecordingSink();
        try (InputStream in = Files.newInputStream(file)) {
            parser.parse(file.getFileName().toString(), in, sink);
        }
        return sink;
    }

    static BigDecimal total(List<ChargeLine> lines) {
        return lines.stream().map(line -> line.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void theVerizonAccountSummaryReconcilesToItsTotalCurrentCharges() throws Exception {
        Path file = SharedData.file("carrier-bills/verizon-wireless/AccountSummary_test.txt");
        RecordingSink sink = parse(layout("verizon-wireless-account-summary"), file);
        assertEquals(List.of(), sink.problems);
        assertEquals(1, sink.invoices.size());
        assertEquals("enc-1479211609829366", sink.invoices.get(0).account());
        assertEquals("enc-5029012205720256", sink.invoices.get(0).number());
        assertEquals(LocalDate.of(2021, 8, 16), sink.invoices.get(0).date());
        assertEquals(Money.of("36830.02", "USD"), sink.statedTotals.get(0));
        assertEquals(0, new BigDecimal("36830.02").compareTo(total(sink.lines)), "the charge columns sum to Total Current Charges");
        Map<ChargeCategory, BigDecimal> byCategory = sink.lines.stream().collect(Collectors.groupingBy(ChargeLine::category,
                Collectors.reducing(BigDecimal.ZERO, line -> line.amount().amount(), BigDecimal::add)));
        assertEquals(0, new BigDecimal("32036.95").compareTo(byCategory.get(ChargeCategory.RECURRING)));
        assertEquals(0, new BigDecimal("184.05").compareTo(byCategory.get(ChargeCategory.USAGE)), "voice 30.50 + international 153.55");
        assertEquals(0, new BigDecimal("543.41").compareTo(byCategory.get(ChargeCategory.TAX)));
        assertEquals(6, sink.lines.size(), "one line per non-zero charge column");
    }

    @Test
    void theOtherVerizonReportsAreReadPerWirelessNumber() throws Exception {
        RecordingSink lines = parse(layout("verizon-wireless-line-summary"),
                SharedData.file("carrier-bills/verizon-wireless/Account & Wireless Summary_test.txt"));
        assertEquals(List.of(), lines.problems);
        assertEquals(3, lines.lines.size(), "the second line's monthly, surcharge and tax charges; the first line has none");
        assertEquals(0, new BigDecimal("70.50").compareTo(total(lines.lines)), "its Total Charges");
        assertTrue(lines.lines.stream().allMatch(line -> line.serviceId().equals("enc-9729345087614266")));
        assertEquals("FLEXIBLE BUSINESS SMARTPHN 6GB $85.00 monthly access charge Unlimited after allowance",
                lines.lines.get(0).description());

        RecordingSink detail = parse(layout("verizon-wireless-charges-detail"),
                SharedData.file("carrier-bills/verizon-wireless/Acct & Wireless Charges Detail Summary Usage_test.txt"));
        assertEquals(List.of(), detail.problems);
        assertEquals(3, detail.lines.size());
        assertEquals("gigabytes", detail.lines.get(0).usageUnit());
        assertEquals(0, new BigDecimal("6.581").compareTo(detail.lines.get(0).usageQuantity()));

        RecordingSink usage = parse(layout("verizon-wireless-usage-detail"),
                SharedData.file("carrier-bills/verizon-wireless/Wireless Usage Detail_test.txt"));
        assertEquals(List.of(), usage.problems);
        assertEquals(3, usage.lines.size());
        assertEquals(0, new BigDecimal("7").compareTo(usage.lines.stream().map(ChargeLine::usageQuantity)
                .reduce(BigDecimal.ZERO, BigDecimal::add)), "2 + 2 + 3 minutes");
    }

    @Test
    void bothTelstraCallExportsReadTheSame() throws Exception {
        RecordingSink comma = parse(layout("telstra-calls-csv"), SharedData.file("carrier-bills/telstra-calls/test.csv"));
        RecordingSink semicolon = parse(layout("telstra-calls-csv-decimal-comma"), SharedData.file("carrier-bills/telstra-calls/test2.csv"));
        for (RecordingSink sink : List.of(comma, semicolon)) {
            assertEquals(List.of(), sink.problems);
            assertEquals(4, sink.lines.size());
            assertEquals(0, new BigDecimal("5.72").compareTo(total(sink.lines)));
            ChargeLine darwin = sink.lines.get(1);
            assertEquals("5235 274 125", darwin.serviceId());
            assertEquals(Money.of("5.25", "AUD"), darwin.amount());
            assertEquals(0, new BigDecimal("1620").compareTo(darwin.usageQuantity()), "00:27:00 is 1620 seconds");
            assertEquals("2358 239 107", darwin.destination(), "the number dialled, for pricing against a rate deck");
            assertEquals(LocalDate.of(2015, 10, 28), darwin.chargePeriod().start());
        }
        assertEquals(comma.lines.stream().map(ChargeLine::amount).toList(), semicolon.lines.stream().map(ChargeLine::amount).toList());
    }

    @Test
    void theAttUsageDetailAndPoolingReportsAreRead() throws Exception {
        RecordingSink detail = parse(layout("att-wireless-usage-detail"), SharedData.file("carrier-bills/att-wireless/ENC1 Detail Mar.csv"));
        assertEquals(List.of(), detail.problems);
        assertEquals(9, detail.lines.size(), "nine usage events, no long-distance charges");
        assertEquals(0, BigDecimal.ZERO.compareTo(total(detail.lines)));
        assertEquals("555000001-03/02/2023", detail.invoices.get(0).number());

        RecordingSink pooling = parse(layout("att-wireless-data-pooling"), SharedData.file("carrier-bills/att-wireless/ENC1 Pooling Mar.csv"));
        assertEquals(List.of(), pooling.problems);
        Map<ChargeCategory, BigDecimal> byCategory = pooling.lines.stream().collect(Collectors.groupingBy(ChargeLine::category,
                Collectors.reducing(BigDecimal.ZERO, line -> line.amount().amount(), BigDecimal::add)));
        assertEquals(0, new BigDecimal("2678.57").compareTo(byCategory.get(ChargeCategory.USAGE)));
        assertEquals(0, new BigDecimal("-2682.72").compareTo(byCategory.get(ChargeCategory.CREDIT)), "($948.03) reads as -948.03");
        assertEquals(0, new BigDecimal("-4.15").compareTo(byCategory.get(ChargeCategory.TAX)));
        assertEquals(4 + 4 + 2, pooling.lines.size());
    }

    @Test
    void eachLayoutRecognisesItsOwnFileAndNoOther() throws Exception {
        Map<String, String> files = Map.of(
                "verizon-wireless-account-summary", "carrier-bills/verizon-wireless/AccountSummary_test.txt",
                "verizon-wireless-line-summary", "carrier-bills/verizon-wireless/Account & Wireless Summary_test.txt",
                "verizon-wireless-charges-detail", "carrier-bills/verizon-wireless/Acct & Wireless Charges Detail Summary Usage_test.txt",
                "verizon-wireless-usage-detail", "carrier-bills/verizon-wireless/Wireless Usage Detail_test.txt",
                "telstra-calls-csv", "carrier-bills/telstra-calls/test.csv",
                "telstra-calls-csv-decimal-comma", "carrier-bills/telstra-calls/test2.csv",
                "att-wireless-usage-detail", "carrier-bills/att-wireless/ENC1 Detail Mar.csv",
                "att-wireless-data-pooling", "carrier-bills/att-wireless/ENC1 Pooling Mar.csv");
        for (String id : SHIPPED) {
            LayoutParser parser = layout(id);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = SharedData.file(file.getValue());
                int score = parser.probe(new FileSample(path.getFileName().toString(), Files.readAllBytes(path))).score();
                if (file.getKey().equals(id)) {
                    assertTrue(score >= 90, id + " on its own file: " + score);
                } else {
                    assertEquals(0, score, id + " on " + file.getValue());
                }
            }
            SharedData.file("carrier-bills/telstra-olb/bills.csv");
        }
    }
}
