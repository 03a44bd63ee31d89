package org.bridgeline.negotiation.internal;

import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import org.bridgeline.api.detect.BenchmarkMatch;
import org.bridgeline.api.detect.UsageMatch;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Requirement;
import org.bridgeline.html.Charts;
import org.bridgeline.html.Html;
import org.bridgeline.negotiation.internal.NegotiationPackage.ActionRow;
import org.bridgeline.negotiation.internal.NegotiationPackage.RequirementRow;
import org.bridgeline.negotiation.internal.NegotiationPackage.ServiceRow;
import org.bridgeline.negotiation.internal.NegotiationPackage.SpendRow;
import org.bridgeline.negotiation.internal.NegotiationPackage.Terms;
import org.bridgeline.negotiation.internal.NegotiationPackage.Totals;

/**
 * package.html: the package as one self-contained page (no script, no network) for a reader who
 * never saw Bridgeline: the story first, then what we buy, what is wrong, what it should cost,
 * what we need next and what we expect, with two charts drawn as inline SVG. Each total carries
 * its exact amount in a {@code data-amount} attribute, so a check can read the page as the JSON.
 */
final class PackageHtml {

    private static final int CHART_ROWS = 15;
    /** A page a person reads: longer lists are cut here and are whole in the CSV files. */
    private static final int TABLE_ROWS = 100;

    private PackageHtml() {
    }

    static String write(NegotiationPackage p) {
        Totals t = p.totals();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Negotiation package: ")
                .append(Html.escape(p.carrier())).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<header><h1>Negotiation package: ").append(Html.escape(p.carrier())).append("</h1>\n<p class=\"sub\">Bills ")
                .append(p.billedFrom()).append(" to ").append(p.billedTo()).append(" · audit run ").append(p.auditRunId())
                .append(" · amounts in ").append(p.currency().getCurrencyCode()).append("</p></header>\n");

        if (!p.unreconciled().isEmpty()) {
            // first, before any figure: the figures rest on lines that do not add up to what these bills state
            h.append("<section class=\"warning\" data-unreconciled=\"").append(p.unreconciled().size()).append("\"><h2>")
                    .append(p.unreconciled().size()).append(p.unreconciled().size() == 1 ? " invoice does" : " invoices do")
                    .append(" not reconcile</h2>\n<p>Their lines do not add up to the total the bill states; the figures below are the lines as "
                            + "imported. Resolve the gaps with the carrier before relying on them.</p>\n<table><thead><tr><th>Account</th>"
                            + "<th>Invoice</th><th>Date</th><th class=\"n\">Stated</th><th class=\"n\">Lines</th><th class=\"n\">Gap</th>"
                            + "</tr></thead><tbody>\n");
            for (NegotiationPackage.Unreconciled invoice : p.unreconciled().stream().limit(TABLE_ROWS).toList()) {
                h.append("<tr><td>").append(Html.escape(invoice.account())).append("</td><td>").append(Html.escape(invoice.invoiceNumber()))
                        .append("</td><td>").append(invoice.invoiceDate()).append("</td><td class=\"n\">").append(fmt(invoice.stated()))
                        .append("</td><td class=\"n\">").append(fmt(invoice.lines())).append("</td><td class=\"n\">").append(fmt(invoice.gap()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
            more(h, p.unreconciled().size(), "invoices", "package.json");
            h.append("</section>\n");
        }
        h.append("<section class=\"totals\">\n");
        total(h, "currentAnnualSpend", t.monthsBilled() >= 12 ? "We spend a year" : "We spend a year, annualised from "
                + fmt(t.billedSpend()) + " over " + months(t.monthsBilled()), t.currentAnnualSpend());
        total(h, "recoverableCredits", "Credits owed to us", t.recoverableCredits());
        total(h, "expectedAnnualSavings", "Savings a year at the benchmark target", t.expectedAnnualSavings());
        total(h, "annualSavingsFromDisconnects", "Savings a year from disconnects", t.annualSavingsDisconnect());
        if (!p.disputes().outstanding().isEmpty() || p.disputes().creditedToDate().amount().signum() != 0) {
            total(h, "disputesOutstanding", "Disputed credits outstanding", p.disputes().outstandingTotal());
            total(h, "creditedToDate", "Credited to date on our disputes", p.disputes().creditedToDate());
        }
        h.append("</section>\n");

        long matched = p.benchmarks().stream().filter(m -> m.benchmark() != null).count();
        h.append("<section><h2>In one page</h2>\n<p class=\"story\">We buy <b>").append(p.services().size()).append(" services</b> at <b>")
                .append(p.sites().size()).append(" sites</b> from ").append(Html.escape(p.carrier())).append(", ").append(fmt(t.currentMonthlySpend()))
                .append(" in ").append(p.billedTo()).append(" and ").append(fmt(t.billedSpend())).append(" over ")
                .append(months(t.monthsBilled())).append(" of bills from ").append(p.billedFrom())
                .append(t.monthsBilled() >= 12 ? "" : " (" + fmt(t.currentAnnualSpend()) + " a year, annualised)").append(". Our audit found <b>").append(p.credits().size()).append(" charges to credit back</b> (")
                .append(fmt(t.recoverableCredits())).append("), <b>").append(p.disconnects().size())
                .append(" services to disconnect</b> (").append(fmt(t.annualSavingsDisconnect())).append(" a year), ")
                .append(p.corrections().size()).append(" inventory records to correct and ").append(p.renegotiations().size())
                .append(" prices to renegotiate. Against the market (").append(matched).append(" of ").append(p.benchmarks().size())
                .append(" services benchmarked, target p").append(p.targetPercentile()).append("), we pay <b>")
                .append(fmt(t.expectedAnnualSavings())).append(" a year</b> above where leading buyers pay. IT needs ")
                .append(p.requirements().stream().filter(r -> r.status().equals("NEW")).count()).append(" new services and ")
                .append(p.requirements().stream().filter(r -> r.status().equals("UPGRADE")).count()).append(" upgrades, and no longer needs ")
                .append(p.notNeeded().size()).append(" services. We expect the credits, the disconnects, "
                        + "prices at the benchmark target and the terms below.</p></section>\n");

        h.append("<section><h2>What we buy</h2>\n<figure><figcaption>Monthly spend by kind of service</figcaption>\n");
        h.append(Charts.bars(p.serviceTypes().stream().map(r -> new Charts.Bar(r.name() + " (" + r.services() + ")", r.monthlySpend().amount(), null)).toList(),
                "spend-by-type"));
        h.append("</figure>\n<table><thead><tr><th>Site</th><th class=\"n\">Services</th><th class=\"n\">Monthly spend</th></tr></thead><tbody>\n");
        for (SpendRow site : p.sites().subList(0, Math.min(p.sites().size(), TABLE_ROWS))) {
            h.append("<tr><td>").append(Html.escape(site.name())).append("</td><td class=\"n\">").append(site.services()).append("</td><td class=\"n\">")
                    .append(fmt(site.monthlySpend())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        more(h, p.sites().size(), "sites", "package-services.csv");
        h.append("</section>\n");

        disputes(h, p.disputes());
        h.append("<section><h2>What is wrong</h2>\n");
        actions(h, "Charges to credit back", p.credits(), true, "package-credits.csv");
        actions(h, "Services to disconnect", p.disconnects(), false, "package-disconnects.csv");
        actions(h, "Inventory records to correct", p.corrections(), false, "package.json");
        actions(h, "Prices to renegotiate", p.renegotiations(), false, "package.json");
        h.append("</section>\n");

        h.append("<section><h2>What it should cost</h2>\n<figure><figcaption>Current and target monthly price, the ").append(CHART_ROWS)
                .append(" largest overpayments (target: p").append(p.targetPercentile()).append(")</figcaption>\n");
        List<BenchmarkMatch> over = p.benchmarks().stream().filter(m -> m.benchmark() != null && m.annualOverpay().amount().signum() > 0)
                .sorted(Comparator.comparing((BenchmarkMatch m) -> m.annualOverpay().amount()).reversed()
                        .thenComparing(BenchmarkMatch::serviceId)).toList();
        h.append(Charts.bars(over.stream().limit(CHART_ROWS).map(m -> new Charts.Bar(m.serviceId(), m.monthlyPrice().amount(), m.target().amount())).toList(),
                "current-vs-target"));
        h.append("</figure>\n<table><thead><tr><th>Service</th><th>Kind</th><th class=\"n\">Now a month</th><th class=\"n\">Percentile</th>"
                + "<th class=\"n\">Target a month</th><th class=\"n\">Overpay a year</th><th>Benchmark</th></tr></thead><tbody>\n");
        for (BenchmarkMatch m : over.subList(0, Math.min(over.size(), TABLE_ROWS))) {
            h.append("<tr><td>").append(Html.escape(m.serviceId())).append("</td><td>").append(m.serviceType())
                    .append(m.bandwidthMbps() == null ? "" : " " + m.bandwidthMbps().stripTrailingZeros().toPlainString() + " Mbps")
                    .append("</td><td class=\"n\">").append(fmt(m.monthlyPrice())).append("</td><td class=\"n\">").append(m.percentile())
                    .append("</td><td class=\"n\">").append(fmt(m.target())).append("</td><td class=\"n\">").append(fmt(m.annualOverpay()))
                    .append("</td><td class=\"src\">").append(Html.escape(m.benchmark().source())).append(", as of ").append(m.benchmark().asOf())
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        more(h, over.size(), "services paying above the target", "package-services.csv");
        List<BenchmarkMatch> unmatched = p.benchmarks().stream().filter(m -> m.benchmark() == null).toList();
        if (!unmatched.isEmpty()) {
            h.append("<p class=\"note\">").append(unmatched.size()).append(" services have no benchmark: ")
                    .append(Html.escape(unmatched.stream().map(BenchmarkMatch::unmatched).distinct().sorted().reduce((a, b) -> a + "; " + b).orElse("")))
                    .append(".</p>\n");
        }
        List<UsageMatch> priced = p.usage().stream().filter(u -> u.benchmark() != null).sorted(Comparator.comparing((UsageMatch u) ->
                u.annualOverpay().amount()).reversed()).toList();
        if (!p.usage().isEmpty()) {
            Money usageOver = priced.stream().map(UsageMatch::annualOverpay).reduce(Money::plus).orElse(Money.zero(p.currency()));
            h.append("<h3>Calls against per-minute rates</h3>\n<p>").append(priced.size()).append(" of ").append(p.usage().size())
                    .append(" numbers called are priced by a rate deck; the calls cost ").append(fmt(usageOver))
                    .append(" a year more than the deck's rates.</p>\n");
            if (!priced.isEmpty()) {
                h.append("<table><thead><tr><th>Service</th><th>Number</th><th class=\"n\">Minutes</th><th class=\"n\">Billed a minute</th>"
                        + "<th class=\"n\">Deck a minute</th><th class=\"n\">Overpay a year</th><th>Rate</th></tr></thead><tbody>\n");
                for (UsageMatch u : priced.subList(0, Math.min(priced.size(), 20))) {
                    h.append("<tr><td>").append(Html.escape(u.usage().serviceId())).append("</td><td>").append(Html.escape(u.usage().destination()))
                            .append("</td><td class=\"n\">").append(u.minutes().setScale(1, RoundingMode.HALF_EVEN)).append("</td><td class=\"n\">")
                            .append(u.billedPerMinute().amount().setScale(4, RoundingMode.HALF_EVEN)).append("</td><td class=\"n\">")
                            .append(u.benchmark().median().amount().setScale(4, RoundingMode.HALF_EVEN)).append("</td><td class=\"n\">")
                            .append(fmt(u.annualOverpay())).append("</td><td class=\"src\">").append(Html.escape(u.benchmark().region())).append(", ")
                            .append(Html.escape(u.benchmark().source())).append("</td></tr>\n");
                }
                h.append("</tbody></table>\n");
                more(h, priced.size() > TABLE_ROWS ? priced.size() : 0, "numbers", "package-usage.csv");
            }
        }
        h.append("</section>\n");

        h.append("<section><h2>What we need next</h2>\n");
        if (p.requirements().isEmpty() && p.notNeeded().isEmpty()) {
            h.append("<p>IT has stated no requirements that concern this carrier.</p>\n");
        } else {
            h.append("<table><thead><tr><th>Site</th><th>Service</th><th>Needed by</th><th>SLA</th><th>Today</th><th>Notes</th></tr></thead>"
                    + "<tbody>\n");
            for (RequirementRow row : p.requirements()) {
                Requirement r = row.requirement();
                h.append("<tr><td>").append(Html.escape(r.site())).append("</td><td>").append(r.serviceType())
                        .append(r.bandwidthMbps() == null ? "" : " " + r.bandwidthMbps().stripTrailingZeros().toPlainString() + " Mbps")
                        .append("</td><td>").append(r.neededBy()).append("</td><td>")
                        .append(r.sla().availabilityPercent() == null ? "" : r.sla().availabilityPercent().toPlainString() + " %")
                        .append(r.sla().timeToRepair() == null ? "" : ", repair in " + r.sla().timeToRepair().toHours() + " h")
                        .append("</td><td>").append(switch (row.status()) {
                            case "NEW" -> "new: nobody provides it there today";
                            case "UPGRADE" -> "upgrade " + Html.escape(row.currentServiceId()) + (row.currentBandwidthMbps() == null ? ""
                                    : " from " + row.currentBandwidthMbps().stripTrailingZeros().toPlainString() + " Mbps");
                            default -> "met by " + Html.escape(row.currentServiceId());
                        }).append("</td><td>").append(Html.escape(r.notes() == null ? "" : r.notes())).append("</td></tr>\n");
            }
            for (ServiceRow s : p.notNeeded()) {
                h.append("<tr><td>").append(Html.escape(s.site())).append("</td><td>").append(s.type()).append("</td><td></td><td></td><td>")
                        .append(Html.escape(s.serviceId())).append(": billed ").append(fmt(s.monthlyRecurring()))
                        .append(" a month, not needed any more</td><td>a disconnect candidate</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("</section>\n");

        Terms terms = p.terms();
        h.append("<section><h2>What we expect</h2>\n<ul>\n");
        if (!p.disputes().outstanding().isEmpty()) {
            // what the carrier was already asked for comes first
            h.append("<li>The credits outstanding on our ").append(p.disputes().outstanding().size()).append(" disputes, <b>")
                    .append(fmt(p.disputes().outstandingTotal())).append("</b>");
            StringBuilder ages = new StringBuilder();
            p.disputes().byAging().forEach((bucket, amount) -> {
                if (amount.amount().signum() > 0) {
                    ages.append(ages.length() == 0 ? "" : ", ").append(fmt(amount)).append(" waiting ").append(bucket).append(" days");
                }
            });
            h.append(" (").append(ages).append("), on the next bill.</li>\n");
        }
        h.append("<li>A term of at most ").append(terms.maxTermMonths()).append(" months")
                .append(terms.autoRenewal() ? ", renewing itself" : ", with no automatic renewal").append(".</li>\n");
        if (terms.slaCreditsRequired()) {
            h.append("<li>Service credits when an SLA is missed").append(terms.availabilityPercent() == null ? ""
                    : ": availability " + terms.availabilityPercent().toPlainString() + " %").append(terms.timeToRepairHours() == null ? ""
                    : ", repair within " + terms.timeToRepairHours() + " hours").append(".</li>\n");
        }
        if (terms.committedSpendCeiling() != null) {
            h.append("<li>A committed spend of no more than ").append(fmt(terms.committedSpendCeiling())).append(" a year.</li>\n");
        }
        if (terms.approvalThreshold() != null && t.currentAnnualSpend().amount().compareTo(terms.approvalThreshold()) > 0) {
            h.append("<li>At ").append(fmt(t.currentAnnualSpend())).append(" a year, the renewal needs procurement's approval (above ")
                    .append(fmt(new Money(terms.approvalThreshold(), p.currency()))).append(").</li>\n");
        }
        h.append("<li>The credits above, ").append(fmt(t.recoverableCredits())).append(", on the next bill.</li>\n<li>Prices at the p")
                .append(p.targetPercentile()).append(" benchmark: ").append(fmt(t.expectedAnnualSavings())).append(" a year less.</li>\n")
                .append("</ul>\n</section>\n<footer>Prepared by Bridgeline from the carrier's bills; every finding cites the bill lines "
                        + "behind it (package.json and the CSV files list them). Benchmarks name their provider, source and as-of date.</footer>\n")
                .append("</body>\n</html>\n");
        return h.toString();
    }

    /** The disputes with the carrier: what is outstanding and for how long, what was credited to date and denied. */
    private static void disputes(StringBuilder h, NegotiationPackage.Disputes d) {
        if (d.outstanding().isEmpty() && d.creditedToDate().amount().signum() == 0 && d.denied() == 0) {
            return;
        }
        h.append("<section><h2>Our disputes</h2>\n<p>Credited to date: <b>").append(fmt(d.creditedToDate())).append("</b>. Outstanding: <b>")
                .append(fmt(d.outstandingTotal())).append("</b> on ").append(d.outstanding().size()).append(" disputes")
                .append(d.denied() == 0 ? "" : "; denied: " + fmt(d.deniedTotal()) + " on " + d.denied() + " disputes")
                .append(d.costAvoided().amount().signum() == 0 ? "" : "; charges no longer billed since we disputed them have saved "
                        + fmt(d.costAvoided())).append(".</p>\n");
        if (!d.outstanding().isEmpty()) {
            h.append("<table><thead><tr><th>Dispute</th><th>State</th><th>Submitted</th><th>Aging (days)</th><th class=\"n\">Claimed</th>"
                    + "<th class=\"n\">Credited</th><th class=\"n\">Outstanding</th></tr></thead><tbody>\n");
            for (NegotiationPackage.DisputeRow row : d.outstanding().subList(0, Math.min(d.outstanding().size(), TABLE_ROWS))) {
                h.append("<tr><td>").append(row.disputeId()).append("</td><td>").append(Html.escape(row.state())).append("</td><td>")
                        .append(row.submittedOn()).append("</td><td>").append(Html.escape(row.aging())).append("</td><td class=\"n\">")
                        .append(fmt(row.claimed())).append("</td><td class=\"n\">").append(fmt(row.credited())).append("</td><td class=\"n\">")
                        .append(fmt(row.outstanding())).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
            more(h, d.outstanding().size(), "disputes", "package.json");
        }
        h.append("</section>\n");
    }

    private static void total(StringBuilder h, String key, String label, Money amount) {
        h.append("<div class=\"total\" data-total=\"").append(key).append("\" data-amount=\"").append(PackageJson.money(amount))
                .append("\"><span class=\"label\">").append(Html.escape(label)).append("</span><span class=\"value\">").append(fmt(amount))
                .append("</span></div>\n");
    }

    private static void more(StringBuilder h, int size, String what, String file) {
        if (size > TABLE_ROWS) {
            h.append("<p class=\"note\">The first ").append(TABLE_ROWS).append(" of ").append(size).append(' ').append(what)
                    .append(", the largest first; ").append(file).append(" lists them all.</p>\n");
        }
    }

    private static void actions(StringBuilder h, String title, List<ActionRow> all, boolean credits, String file) {
        List<ActionRow> rows = all.stream().sorted(java.util.Comparator.comparing((ActionRow row) -> (credits ? row.credit() : row.annual())
                .amount()).reversed().thenComparing(ActionRow::findingId)).limit(TABLE_ROWS).toList();
        h.append("<h3>").append(Html.escape(title)).append(" (").append(all.size()).append(")</h3>\n");
        if (rows.isEmpty()) {
            h.append("<p>None.</p>\n");
            return;
        }
        h.append("<table><thead><tr><th>Kind</th><th>Service</th><th class=\"n\">").append(credits ? "Credit" : "A year")
                .append("</th><th>Why</th></tr></thead><tbody>\n");
        for (ActionRow row : rows) {
            h.append("<tr><td>").append(Html.escape(row.kind())).append("</td><td>").append(Html.escape(row.serviceId() == null ? "(account)" : row.serviceId()))
                    .append("</td><td class=\"n\">").append(fmt(credits ? row.credit() : row.annual())).append("</td><td class=\"why\">")
                    .append(Html.escape(row.explanation())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
        more(h, all.size(), "findings", file);
    }

    static String months(int months) {
        return months == 1 ? "1 month" : months + " months";
    }

    static String fmt(Money money) {
        return Charts.amount(money.rounded().amount()) + " " + money.currency().getCurrencyCode();
    }

    private static final String STYLE = """
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1d2733;
                   max-width: 1000px; margin: 2em auto; padding: 0 1.5em; }
            h1 { font-size: 26px; margin-bottom: 0; } h2 { font-size: 19px; border-bottom: 2px solid #2b6cb0; padding-bottom: 3px;
                   margin-top: 1.8em; } h3 { font-size: 15px; margin-bottom: 0.3em; }
            .sub { color: #5a6776; margin-top: 0.2em; }
            .totals { display: flex; gap: 12px; flex-wrap: wrap; margin: 1.2em 0; }
            .total { flex: 1 1 200px; border: 1px solid #c8d3df; border-radius: 6px; padding: 10px 14px; background: #f5f8fb; }
            .total .label { display: block; color: #5a6776; font-size: 12px; } .total .value { font-size: 20px; font-weight: 600; }
            .story { font-size: 15px; }
            table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 12.5px; }
            th, td { border-bottom: 1px solid #dde3ea; padding: 4px 6px; text-align: left; vertical-align: top; }
            th { background: #eef2f6; } td.n, th.n { text-align: right; white-space: nowrap; } td.why { color: #34404d; }
            td.src { color: #5a6776; font-size: 11.5px; }
            figure { margin: 0.8em 0; } figcaption { font-weight: 600; margin-bottom: 4px; }
            svg text { font-size: 11px; fill: #1d2733; } svg rect.now { fill: #2b6cb0; } svg rect.target { fill: #9ccc65; }
            .warning { border: 2px solid #b3261e; padding: 0 1em 1em; background: #fdf3f2; } .warning h2 { color: #b3261e; }
            .note { color: #5a6776; } footer { margin-top: 2em; color: #5a6776; font-size: 12px; }
            @media print { body { margin: 0; max-width: none; } section { page-break-inside: avoid; } h2 { page-break-after: avoid; } }
            """;
}
