package org.bridgeline.negotiation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.Severity;
import org.bridgeline.enterprise.SeededEnterprise;
import org.bridgeline.negotiation.internal.NegotiationPackage.Terms;
import org.bridgeline.store.StoredFinding;
import org.bridgeline.testkit.InMemoryBook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageBuilderTest {

    private static final Terms TERMS = new Terms(36, false, true, new BigDecimal("99.9"), 4, null, new BigDecimal("250000"));

    @TempDir
    Path folder;

    private final SeededEnterprise enterprise = SeededEnterprise.generate(7, 10);
    private final InMemoryBook book = InMemoryBook.of(enterprise);

    private StoredFinding finding(long id, String carrier, RecommendedAction action, String monthly, String credit) {
        ChargeLine cited = enterprise.lines().stream().filter(line -> line.carrier().equals(carrier)).findFirst().orElseThrow();
        return new StoredFinding(id, 1, new Finding("test", "test-kind", Severity.MEDIUM, carrier, cited.serviceId(), List.of(cited),
                Money.of(monthly, "USD"), Money.of(monthly, "USD").times(BigDecimal.valueOf(12)), "because", action,
                credit == null ? null : Money.of(credit, "USD")));
    }

    @Test
    void theTotalsAreTheBookTheFindingsAndTheBenchmarks() throws Exception {
        String carrier = SeededEnterprise.ACME;
        List<StoredFinding> findings = List.of(finding(1, carrier, RecommendedAction.DISPUTE_FOR_CREDIT, "100", "250.50"),
                finding(2, carrier, RecommendedAction.DISPUTE_FOR_CREDIT, "10", "0.25"),
                finding(3, carrier, RecommendedAction.DISCONNECT, "45", null),
                finding(4, SeededEnterprise.NORTHWIND, RecommendedAction.DISPUTE_FOR_CREDIT, "999", "999"));
        NegotiationPackage p = PackageBuilder.build(book, carrier, 1, Instant.parse("2026-01-05T10:00:00Z"), findings, 25, TERMS, PackageBuilder.present(book), List.of());
        assertEquals(Money.of("250.75", "USD"), p.totals().recoverableCredits(), "the credits of this carrier's findings");
        assertEquals(2, p.credits().size());
        assertEquals(Money.of("540", "USD"), p.totals().annualSavingsDisconnect());
        assertEquals(new Money(enterprise.expectedAnnualSavings().get(carrier), p.currency()), p.totals().expectedAnnualSavings(),
                "sum over services of (price - p25) x 12 where positive");
        Money annual = enterprise.lines().stream().filter(line -> line.carrier().equals(carrier)).map(ChargeLine::amount)
                .reduce(Money::plus).orElseThrow();
        assertEquals(annual, p.totals().currentAnnualSpend(), "twelve months of bills");
        long current = enterprise.lines().stream().filter(line -> line.carrier().equals(carrier) && line.serviceId() != null
                && line.chargedOn().getMonthValue() == 12).map(ChargeLine::serviceId).distinct().count();
        assertTrue(current >= 16 && current < 20, "a DIA and an Ethernet circuit at each of ten sites, less the disconnected: " + current);
        assertEquals(current, p.services().size(), "the services billed in the latest month");
        assertEquals(10, p.sites().size());
        assertEquals(p.services().size(), p.benchmarks().size());
        Map<String, Integer> statuses = new TreeMap<>();
        p.requirements().forEach(row -> statuses.merge(row.status(), 1, Integer::sum));
        if (!p.notNeeded().isEmpty()) {
            statuses.put("NOT_NEEDED", p.notNeeded().size());
        }
        assertEquals(enterprise.expectedRequirementStatuses().get(carrier), statuses, "new, upgrades, met and not needed");
        assertTrue(statuses.get("UPGRADE") > 0 && statuses.get("NEW") == 4, statuses.toString());
    }

    @Test
    void theJsonFollowsItsSchemaAndTheHtmlCarriesTheSameTotals() throws Exception {
        NegotiationPackage p = PackageBuilder.build(book, SeededEnterprise.BLUEWAVE, 3, Instant.parse("2026-01-05T10:00:00Z"),
                List.of(finding(7, SeededEnterprise.BLUEWAVE, RecommendedAction.DISPUTE_FOR_CREDIT, "12.34", "12.34")), 25, TERMS,
                PackageBuilder.present(book), List.of());
        JsonObject json = JsonParser.parseString(PackageJson.write(p)).getAsJsonObject();
        assertEquals("bridgeline-negotiation-package/1", json.get("schema").getAsString());
        for (String key : List.of("carrier", "currency", "billedFrom", "billedTo", "audit", "bookOfBusiness", "anomalies", "benchmarks",
                "requirements", "expectedTerms", "totals")) {
            assertTrue(json.has(key), "package.json has " + key);
        }
        JsonObject totals = json.getAsJsonObject("totals");
        assertEquals("12.34", totals.get("recoverableCredits").getAsString());
        JsonObject service = json.getAsJsonObject("bookOfBusiness").getAsJsonArray("services").get(0).getAsJsonObject();
        assertTrue(service.get("monthlyRecurring").getAsString().matches("-?\\d+\\.\\d{2}"), "money as a decimal string: " + service);
        JsonObject bench = json.getAsJsonObject("benchmarks").getAsJsonArray("services").get(0).getAsJsonObject();
        assertEquals(SeededEnterprise.BENCHMARK_SOURCE, bench.getAsJsonObject("benchmark").get("source").getAsString());
        assertEquals("2025-09-30", bench.getAsJsonObject("benchmark").get("asOf").getAsString());

        String html = PackageHtml.write(p);
        Matcher total = Pattern.compile("data-total=\"(\\w+)\" data-amount=\"([-0-9.]+)\"").matcher(html);
        int found = 0;
        while (total.find()) {
            found++;
            assertEquals(totals.get(total.group(1)).getAsString(), total.group(2), total.group(1));
        }
        assertEquals(4, found);
        assertFalse(html.contains("<script") || html.contains("http://") && !html.contains("http://www.w3.org/2000/svg"),
                "no script, nothing fetched");
        assertTrue(html.contains("<svg id=\"spend-by-type\"") && html.contains("<svg id=\"current-vs-target\""), "two charts");

        PackageCsv.write(p, folder);
        List<String> services = Files.readAllLines(folder.resolve("package-services.csv"));
        assertTrue(services.get(0).startsWith("service_id,account,service_type,bandwidth_mbps,site,monthly_recurring"), services.get(0));
        assertEquals(p.services().size() + 1, services.size());
        assertEquals(2, Files.readAllLines(folder.resolve("package-credits.csv")).size());
    }

    @Test
    void aCarrierFolderNameIsItsNameInLowerCaseWords() {
        assertEquals("at-t-mobility", PackageServiceImpl.slug("AT&T Mobility"));
        assertEquals("northwind-telecom", PackageServiceImpl.slug("Northwind Telecom"));
    }

    @Test
    void callsArePricedPerMinuteByTheLongestPrefixAndTheirOverpayIsSaving() throws Exception {
        InMemoryBook calls = new InMemoryBook();
        java.time.YearMonth[] months = {java.time.YearMonth.of(2025, 11), java.time.YearMonth.of(2025, 12)};
        int row = 0;
        for (java.time.YearMonth month : months) {
            // 30 minutes a month to London at 0.05 a minute; 10 minutes to a number no rate covers
            calls.add(call(month, "442071234567", "1800", "1.50", ++row));
            calls.add(call(month, "99912345", "600", "0.40", ++row));
        }
        calls.benchmarkTable.add(new org.bridgeline.api.model.Benchmark(org.bridgeline.api.model.ServiceType.LONG_DISTANCE,
                org.bridgeline.api.model.BandwidthBand.ANY, "44", 0, Money.of("0.02", "USD"), Money.of("0.02", "USD"), Money.of("0.02", "USD"),
                "MIN", 1, "rate-deck", "test deck", java.time.LocalDate.of(2025, 6, 1)));
        calls.benchmarkTable.add(new org.bridgeline.api.model.Benchmark(org.bridgeline.api.model.ServiceType.LONG_DISTANCE,
                org.bridgeline.api.model.BandwidthBand.ANY, "4420", 0, Money.of("0.01", "USD"), Money.of("0.01", "USD"), Money.of("0.01", "USD"),
                "MIN", 1, "rate-deck", "test deck", java.time.LocalDate.of(2025, 6, 1)));
        NegotiationPackage p = PackageBuilder.build(calls, "Acme", 1, Instant.parse("2026-01-05T10:00:00Z"), List.of(), 25, TERMS,
                PackageBuilder.present(calls), List.of());
        assertEquals(2, p.usage().size());
        var london = p.usage().stream().filter(u -> u.usage().destination().startsWith("44")).findFirst().orElseThrow();
        assertEquals("4420", london.benchmark().region(), "the longest prefix");
        assertEquals(0, new BigDecimal("60").compareTo(london.minutes()), "3,600 seconds");
        // two months: 3.00 billed, 60 minutes at 0.01 = 0.60: 2.40 over two months, 14.40 a year
        assertEquals(Money.of("14.40", "USD"), london.annualOverpay());
        assertEquals("no per-minute rate for 99912345", p.usage().stream().filter(u -> u.benchmark() == null).findFirst().orElseThrow()
                .unmatched());
        assertEquals(Money.of("14.40", "USD"), p.totals().expectedAnnualSavings(), "no monthly services here: the calls are the saving");
        JsonObject json = JsonParser.parseString(PackageJson.write(p)).getAsJsonObject();
        assertEquals("14.40", json.getAsJsonObject("benchmarks").getAsJsonArray("usage").get(0).getAsJsonObject().get("annualOverpay")
                .getAsString());
        PackageCsv.write(p, folder);
        assertEquals(3, Files.readAllLines(folder.resolve("package-usage.csv")).size());
    }

    private static ChargeLine call(java.time.YearMonth month, String number, String seconds, String amount, int row) {
        return ChargeLine.builder().carrier("Acme").account("A1").invoiceNumber("INV-" + month).invoiceDate(month.atEndOfMonth())
                .billingPeriod(org.bridgeline.api.model.Period.of(month.atDay(1), month.atEndOfMonth())).serviceId("555-0100")
                .serviceType(org.bridgeline.api.model.ServiceType.LONG_DISTANCE).category(org.bridgeline.api.model.ChargeCategory.USAGE)
                .chargeCode("LD").description("calls").amount(Money.of(amount, "USD")).usage(new BigDecimal(seconds), "SEC").destination(number)
                .chargePeriod(org.bridgeline.api.model.Period.of(month.atDay(10), month.atDay(10)))
                .source(org.bridgeline.api.model.SourcePosition.of("calls.csv", row, row)).build();
    }

    /** What an outside run saw: one month of bills printed as "spend 301.07 CAD a year". */
    @Test
    void oneMonthOfBillsIsAnnualisedAndSaysSoAndAnUnreconciledInvoiceIsOnTheFirstPage() throws Exception {
        InMemoryBook month = new InMemoryBook();
        month.add(call(java.time.YearMonth.of(2026, 2), "442071234567", "1800", "301.07", 1));
        NegotiationPackage.Unreconciled gap = new NegotiationPackage.Unreconciled("A1", "INV-2026-02", java.time.LocalDate.of(2026, 2, 28),
                Money.of("310.00", "USD"), Money.of("301.07", "USD"));
        NegotiationPackage p = PackageBuilder.build(month, "Acme", 1, Instant.parse("2026-03-05T10:00:00Z"), List.of(), 25, TERMS,
                PackageBuilder.present(month), List.of(gap));
        assertEquals(Money.of("301.07", "USD"), p.totals().billedSpend());
        assertEquals(1, p.totals().monthsBilled());
        assertEquals(Money.of("3612.84", "USD"), p.totals().currentAnnualSpend(), "301.07 x 12 / 1");

        String html = PackageHtml.write(p);
        assertTrue(html.contains("We spend a year, annualised from 301.07 USD over 1 month"), html);
        assertTrue(html.contains("301.07 USD over 1 month of bills from 2026-02 (3,612.84 USD a year, annualised)"), html);
        int warning = html.indexOf("1 invoice does not reconcile");
        assertTrue(warning > 0 && warning < html.indexOf("class=\"totals\""), "the first thing the page says: " + html);
        assertTrue(html.contains("<td>INV-2026-02</td><td>2026-02-28</td><td class=\"n\">310.00 USD</td><td class=\"n\">301.07 USD</td>"
                + "<td class=\"n\">8.93 USD</td>"), html);
        JsonObject json = JsonParser.parseString(PackageJson.write(p)).getAsJsonObject();
        assertEquals(1, json.getAsJsonObject("totals").get("monthsBilled").getAsInt());
        assertEquals("301.07", json.getAsJsonObject("totals").get("billedSpend").getAsString());
        assertEquals("8.93", json.getAsJsonArray("unreconciledInvoices").get(0).getAsJsonObject().get("gap").getAsString());
    }
}
