package org.bridgeline.dispute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.Severity;
import org.bridgeline.api.model.SourcePosition;
import org.bridgeline.store.DisputeEvent;
import org.bridgeline.store.DisputeRecord;
import org.bridgeline.store.DisputeState;
import org.bridgeline.store.DisputedFinding;
import org.junit.jupiter.api.Test;

class DisputeLettersTest {

    private static ChargeLine line(String invoice, String amount, long record) {
        return ChargeLine.builder().carrier("Acme <Telecom>").account("A1").invoiceNumber(invoice).invoiceDate(LocalDate.of(2025, 3, 31))
                .serviceId("DIA-1").category(ChargeCategory.RECURRING).chargeCode("DIA100").description("DIA 100, \"monthly\"")
                .amount(Money.of(amount, "USD")).source(SourcePosition.of("acme-" + invoice + ".edi", record, record)).build();
    }

    @Test
    void theCsvHasARowPerEvidenceLineWhoseDisputedAmountsAddUpToTheClaimExactly() throws Exception {
        // a rate above contract claims part of three lines: 3 x 50.00 of 3 x 550.00
        List<ChargeLine> rate = List.of(line("INV-3", "550.00", 7), line("INV-4", "550.00", 9), line("INV-5", "550.00", 11));
        Finding above = new Finding("rate-above-contract", "rate-above-contract", Severity.HIGH, "Acme <Telecom>", "DIA-1", rate,
                Money.of("50", "USD"), Money.of("600", "USD"), "DIA-1 is billed 550.00 a month. The contract says 500.00.",
                RecommendedAction.DISPUTE_FOR_CREDIT, Money.of("150.00", "USD"));
        List<ChargeLine> twice = List.of(line("INV-6", "99.99", 3));
        Finding duplicate = new Finding("duplicate-charges", "duplicate-charge", Severity.MEDIUM, "Acme <Telecom>", "DIA-1", twice,
                Money.of("0", "USD"), Money.of("0", "USD"), "Billed twice.", RecommendedAction.DISPUTE_FOR_CREDIT, Money.of("99.99", "USD"));
        DisputeRecord dispute = new DisputeRecord(7, "Acme <Telecom>", "A1", DisputeState.SUBMITTED, Money.of("249.99", "USD"),
                Instant.parse("2026-01-02T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"),
                List.of(new DisputedFinding(11, "rate-above-contract", "DIA-1", "DIA100", "k1", Money.of("150.00", "USD"), Money.of("50", "USD"), above.explanation(), null),
                        new DisputedFinding(12, "duplicate-charge", "DIA-1", "DIA100", "k2", Money.of("99.99", "USD"), null, duplicate.explanation(), null)),
                List.of(new DisputeEvent(Instant.parse("2026-01-02T00:00:00Z"), "console", null, DisputeState.SUBMITTED, null)), List.of());
        var letter = DisputeLetters.write(dispute, Map.of(11L, above, 12L, duplicate), LocalDate.of(2026, 2, 15));
        assertEquals("dispute-7-acme-telecom", letter.name());
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(letter.csv()))
                .getRecords();
        assertEquals(4, rows.size());
        assertEquals(List.of(DisputeLetters.COLUMNS), rows.get(0).getParser().getHeaderNames());
        BigDecimal disputed = rows.stream().map(r -> new BigDecimal(r.get("amount_disputed"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal("249.99").compareTo(disputed), "the rows add up to the claim");
        assertEquals("500.00", rows.get(0).get("amount_expected"));
        assertEquals("acme-INV-3.edi", rows.get(0).get("source_file"));
        assertEquals("7", rows.get(0).get("source_record"));
        assertEquals("0.00", rows.get(3).get("amount_expected"), "a duplicate is disputed whole");
        assertTrue(rows.get(0).get("reason").startsWith("rate-above-contract: DIA-1 is billed 550.00 a month."));
        assertTrue(letter.html().contains("Acme &lt;Telecom&gt;") && !letter.html().contains("Acme <Telecom>"), "escaped");
        assertTrue(letter.html().contains("submitted 2026-01-02 (31-60 days)"), letter.html());
    }
}
