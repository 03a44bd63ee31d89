package org.bridgeline.dispute.internal;

import static org.bridgeline.html.Html.escape;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Finding;
import org.bridgeline.dispute.DisputeLetter;
import org.bridgeline.store.DisputeCredit;
import org.bridgeline.store.DisputeRecord;
import org.bridgeline.store.DisputedFinding;

/**
 * A dispute's letter: a printable page for the carrier's account team and the CSV its dispute portal
 * takes, one row per evidence line. Where a finding claims the whole of its lines (a duplicate, a late
 * fee, a charge after a disconnect) each line is disputed whole; where it claims part (a rate above
 * the contract) its claim is apportioned over its lines by amount, the last line taking the rounding,
 * so the rows add up to the claim exactly.
 */
final class DisputeLetters {

    static final String[] COLUMNS = {"account", "invoice", "bill_date", "service_id", "charge_code", "amount_billed", "amount_expected",
        "amount_disputed", "currency", "reason", "source_file", "source_record"};

    private static final String STYLE = """
            body { font: 15px/1.45 system-ui, sans-serif; color: #1b1f24; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
            table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
            th, td { border-bottom: 1px solid #c8ccd2; padding: .3rem .5rem; text-align: left; vertical-align: top; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            .sub { color: #4a515a; }
            @media print { body { margin: 0; } a { color: inherit; } }
            """;

    private DisputeLetters() {
    }

    /** One row of the letter: an evidence line and what is disputed of it. */
    private record Row(DisputedFinding finding, ChargeLine line, BigDecimal expected, BigDecimal disputed) {
    }

    static DisputeLetter write(DisputeRecord dispute, Map<Long, Finding> findings, LocalDate today) {
        List<Row> rows = new ArrayList<>();
        for (DisputedFinding disputed : dispute.findings()) {
            Finding finding = findings.get(disputed.findingId());
            rows.addAll(rows(disputed, finding == null ? List.of() : finding.evidence()));
        }
        String name = "dispute-" + dispute.disputeId() + "-" + dispute.carrier().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return new DisputeLetter(name, html(dispute, rows, today), csv(rows));
    }

    /** The finding's lines, each with the part of the claim that falls on it. */
    private static List<Row> rows(DisputedFinding finding, List<ChargeLine> evidence) {
        List<Row> rows = new ArrayList<>();
        BigDecimal claim = finding.claimed().amount();
        BigDecimal billed = evidence.stream().map(line -> line.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean whole = billed.compareTo(claim) == 0 || billed.signum() <= 0;
        BigDecimal left = claim;
        for (int i = 0; i < evidence.size(); i++) {
            ChargeLine line = evidence.get(i);
            BigDecimal disputed;
            if (whole) {
                disputed = billed.signum() <= 0 ? (i == 0 ? claim : BigDecimal.ZERO) : line.amount().amount();
            } else if (i == evidence.size() - 1) {
                disputed = left;
            } else {
                disputed = claim.multiply(line.amount().amount()).divide(billed, 2, RoundingMode.HALF_EVEN);
            }
            left = left.subtract(disputed);
            rows.add(new Row(finding, line, line.amount().amount().subtract(disputed), disputed));
        }
        return rows;
    }

    private static String csv(List<Row> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS).setRecordSeparator("\n").get())) {
            for (Row row : rows) {
                ChargeLine line = row.line();
                csv.printRecord(line.account(), line.invoiceNumber(), line.invoiceDate(), text(line.serviceId()), text(line.chargeCode()),
                        line.amount().amount().toPlainString(), row.expected().toPlainString(), row.disputed().toPlainString(),
                        line.amount().currency().getCurrencyCode(), row.finding().kind() + ": " + firstSentence(row.finding().explanation()),
                        line.source().file(), line.source().record());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String html(DisputeRecord dispute, List<Row> rows, LocalDate today) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Dispute ")
                .append(dispute.disputeId()).append(": ").append(escape(dispute.carrier())).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<header><h1>Billing dispute ").append(dispute.disputeId()).append("</h1>\n<p class=\"sub\">")
                .append(escape(dispute.carrier())).append(", account ").append(escape(dispute.account())).append(" · ").append(dispute.state())
                .append(dispute.submittedAt() == null ? " · not yet submitted" : " · submitted " + dispute.submittedOn()
                        + (dispute.state().open() ? " (" + dispute.aging(today) + " days)" : "")).append("</p></header>\n<main>\n");
        h.append("<p>We dispute the charges below and ask for a credit of <strong>").append(escape(dispute.claimed()))
                .append("</strong> on account ").append(escape(dispute.account())).append(". Each charge is listed with the bill, file and record")
                .append(" it was read from.</p>\n");
        if (!dispute.credits().isEmpty()) {
            h.append("<p>Credited so far: ").append(escape(dispute.credited())).append("; outstanding: <strong>")
                    .append(escape(dispute.outstanding())).append("</strong>.</p>\n");
        }
        for (DisputedFinding finding : dispute.findings()) {
            h.append("<section>\n<h2>").append(escape(finding.kind())).append(finding.serviceId() == null ? "" : " on " + escape(finding.serviceId()))
                    .append(": ").append(escape(finding.claimed())).append("</h2>\n<p>").append(escape(finding.explanation())).append("</p>\n")
                    .append("<table><thead><tr><th>invoice</th><th>bill date</th><th>service</th><th>code</th><th>description</th>")
                    .append("<th class=\"num\">billed</th><th class=\"num\">expected</th><th class=\"num\">disputed</th><th>source</th>")
                    .append("</tr></thead><tbody>\n");
            for (Row row : rows) {
                if (row.finding() != finding) {
                    continue;
                }
                ChargeLine line = row.line();
                h.append("<tr><td>").append(escape(line.invoiceNumber())).append("</td><td>").append(line.invoiceDate()).append("</td><td>")
                        .append(escape(text(line.serviceId()))).append("</td><td>").append(escape(text(line.chargeCode()))).append("</td><td>")
                        .append(escape(text(line.description()))).append("</td><td class=\"num\">").append(escape(line.amount()))
                        .append("</td><td class=\"num\">").append(row.expected().toPlainString()).append("</td><td class=\"num\">")
                        .append(row.disputed().toPlainString()).append("</td><td>").append(escape(line.source().file())).append(", record ")
                        .append(line.source().record()).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n</section>\n");
        }
        if (!dispute.credits().isEmpty()) {
            h.append("<h2>Credits received</h2>\n<table><thead><tr><th>invoice</th><th>bill date</th><th>service</th>")
                    .append("<th class=\"num\">credit</th><th class=\"num\">for this dispute</th><th>status</th></tr></thead><tbody>\n");
            for (DisputeCredit credit : dispute.credits()) {
                h.append("<tr><td>").append(escape(credit.invoiceNumber())).append("</td><td>").append(credit.invoiceDate()).append("</td><td>")
                        .append(escape(text(credit.serviceId()))).append("</td><td class=\"num\">").append(escape(credit.lineAmount()))
                        .append("</td><td class=\"num\">").append(escape(credit.applied())).append("</td><td>").append(credit.status())
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        return h.append("</main>\n</body>\n</html>\n").toString();
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
