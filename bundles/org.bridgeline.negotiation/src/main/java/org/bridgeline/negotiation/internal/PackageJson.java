package org.bridgeline.negotiation.internal;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import org.bridgeline.api.detect.BenchmarkMatch;
import org.bridgeline.api.detect.UsageMatch;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Requirement;
import org.bridgeline.negotiation.internal.NegotiationPackage.ActionRow;
import org.bridgeline.negotiation.internal.NegotiationPackage.RequirementRow;
import org.bridgeline.negotiation.internal.NegotiationPackage.ServiceRow;
import org.bridgeline.negotiation.internal.NegotiationPackage.SpendRow;

/**
 * package.json: the package in the schema {@value NegotiationPackage#SCHEMA}, documented in the
 * bundle's README, streamed as it is written (a package of a hundred thousand services is not
 * built as a tree first). Amounts are decimal strings rounded to the currency's minor unit, so
 * no reader parses money as a floating-point number.
 */
final class PackageJson {

    private PackageJson() {
    }

    static String write(NegotiationPackage p) throws IOException {
        StringWriter out = new StringWriter();
        write(p, out);
        return out.toString();
    }

    static void write(NegotiationPackage p, Writer out) throws IOException {
        JsonWriter w = new JsonWriter(out);
        w.setIndent("  ");
        w.setHtmlSafe(false);
        w.beginObject();
        w.name("schema").value(NegotiationPackage.SCHEMA);
        w.name("carrier").value(p.carrier());
        w.name("currency").value(p.currency().getCurrencyCode());
        w.name("billedFrom").value(p.billedFrom().toString());
        w.name("billedTo").value(p.billedTo().toString());
        w.name("audit").beginObject().name("runId").value(p.auditRunId()).name("at").value(p.auditedAt().toString()).endObject();

        w.name("bookOfBusiness").beginObject();
        w.name("services").beginArray();
        for (ServiceRow s : p.services()) {
            w.beginObject();
            w.name("serviceId").value(s.serviceId());
            w.name("account").value(s.account());
            w.name("serviceType").value(s.type().name());
            number(w, "bandwidthMbps", s.bandwidthMbps());
            text(w, "site", s.site());
            w.name("firstBilled").value(s.firstBilled().toString());
            w.name("lastBilled").value(s.lastBilled().toString());
            w.name("monthlyRecurring").value(money(s.monthlyRecurring()));
            w.name("monthlyUsage").value(money(s.monthlyUsage()));
            w.endObject();
        }
        w.endArray();
        spend(w, "sites", "site", p.sites());
        spend(w, "serviceTypes", "serviceType", p.serviceTypes());
        w.name("monthlySpend").value(money(p.totals().currentMonthlySpend()));
        w.endObject();

        w.name("anomalies").beginObject();
        actions(w, "credits", p.credits());
        actions(w, "disconnects", p.disconnects());
        actions(w, "corrections", p.corrections());
        actions(w, "renegotiations", p.renegotiations());
        w.endObject();

        NegotiationPackage.Disputes disputes = p.disputes();
        w.name("disputes").beginObject();
        w.name("outstanding").value(money(disputes.outstandingTotal()));
        w.name("creditedToDate").value(money(disputes.creditedToDate()));
        w.name("denied").value(money(disputes.deniedTotal()));
        w.name("deniedDisputes").value(disputes.denied());
        w.name("drafts").value(disputes.drafts());
        w.name("costAvoided").value(money(disputes.costAvoided()));
        w.name("outstandingByAging").beginObject();
        for (var bucket : disputes.byAging().entrySet()) {
            w.name(bucket.getKey()).value(money(bucket.getValue()));
        }
        w.endObject();
        w.name("open").beginArray();
        for (NegotiationPackage.DisputeRow row : disputes.outstanding()) {
            w.beginObject();
            w.name("disputeId").value(row.disputeId());
            w.name("state").value(row.state());
            w.name("account").value(row.account());
            w.name("findings").value(row.findings());
            w.name("claimed").value(money(row.claimed()));
            w.name("credited").value(money(row.credited()));
            w.name("outstanding").value(money(row.outstanding()));
            w.name("submittedOn").value(row.submittedOn().toString());
            w.name("ageDays").value(row.ageDays());
            w.name("aging").value(row.aging());
            w.endObject();
        }
        w.endArray();
        w.endObject();

        w.name("benchmarks").beginObject();
        w.name("targetPercentile").value(p.targetPercentile());
        w.name("services").beginArray();
        for (BenchmarkMatch m : p.benchmarks()) {
            w.beginObject();
            w.name("serviceId").value(m.serviceId());
            w.name("serviceType").value(m.serviceType().name());
            number(w, "bandwidthMbps", m.bandwidthMbps());
            w.name("termMonths").value(m.termMonths());
            w.name("currentMonthly").value(money(m.monthlyPrice()));
            if (m.benchmark() == null) {
                w.name("unmatched").value(m.unmatched());
            } else {
                Benchmark b = m.benchmark();
                w.name("percentile").value(m.percentile());
                w.name("targetMonthly").value(money(m.target()));
                w.name("annualOverpay").value(money(m.annualOverpay()));
                w.name("benchmark").beginObject();
                w.name("provider").value(b.providerId());
                w.name("source").value(b.source());
                w.name("asOf").value(b.asOf().toString());
                w.name("region").value(b.region());
                w.name("band").value(b.band().toString());
                w.name("termMonths").value(b.termMonths());
                w.name("p25").value(money(b.p25()));
                w.name("median").value(money(b.median()));
                w.name("p75").value(money(b.p75()));
                w.name("sampleSize").value(b.sampleSize());
                w.endObject();
            }
            w.endObject();
        }
        w.endArray();
        w.name("usage").beginArray();
        for (UsageMatch u : p.usage()) {
            w.beginObject();
            w.name("serviceId").value(u.usage().serviceId());
            w.name("destination").value(u.usage().destination());
            w.name("calls").value(u.usage().lines());
            w.name("billed").value(money(u.usage().total()));
            if (u.minutes() != null) {
                w.name("minutes").value(new BigDecimal(u.minutes().stripTrailingZeros().toPlainString()));
                w.name("billedPerMinute").value(u.billedPerMinute().amount().stripTrailingZeros().toPlainString());
            }
            if (u.benchmark() == null) {
                w.name("unmatched").value(u.unmatched());
            } else {
                w.name("benchmarkPerMinute").value(u.benchmark().median().amount().stripTrailingZeros().toPlainString());
                w.name("annualOverpay").value(money(u.annualOverpay()));
                w.name("benchmark").beginObject().name("provider").value(u.benchmark().providerId()).name("source").value(u.benchmark().source())
                        .name("asOf").value(u.benchmark().asOf().toString()).name("destination").value(u.benchmark().region()).endObject();
            }
            w.endObject();
        }
        w.endArray();
        w.endObject();

        w.name("requirements").beginArray();
        for (RequirementRow row : p.requirements()) {
            Requirement r = row.requirement();
            w.beginObject();
            w.name("site").value(r.site());
            w.name("serviceType").value(r.serviceType().name());
            number(w, "bandwidthMbps", r.bandwidthMbps());
            w.name("neededBy").value(r.neededBy().toString());
            number(w, "availabilityPercent", r.sla().availabilityPercent());
            if (r.sla().timeToRepair() != null) {
                w.name("timeToRepairHours").value(r.sla().timeToRepair().toHours());
            }
            text(w, "notes", r.notes());
            w.name("status").value(row.status());
            text(w, "currentServiceId", row.currentServiceId());
            number(w, "currentBandwidthMbps", row.currentBandwidthMbps());
            w.endObject();
        }
        w.endArray();
        w.name("servicesNotNeeded").beginArray();
        for (ServiceRow s : p.notNeeded()) {
            w.beginObject().name("serviceId").value(s.serviceId()).name("serviceType").value(s.type().name());
            text(w, "site", s.site());
            w.name("monthlyRecurring").value(money(s.monthlyRecurring())).endObject();
        }
        w.endArray();

        NegotiationPackage.Terms t = p.terms();
        w.name("expectedTerms").beginObject();
        w.name("maxTermMonths").value(t.maxTermMonths());
        w.name("autoRenewal").value(t.autoRenewal());
        w.name("slaCreditsRequired").value(t.slaCreditsRequired());
        number(w, "availabilityPercent", t.availabilityPercent());
        if (t.timeToRepairHours() != null) {
            w.name("timeToRepairHours").value(t.timeToRepairHours());
        }
        if (t.committedSpendCeiling() != null) {
            w.name("committedSpendCeiling").value(money(t.committedSpendCeiling()));
        }
        if (t.approvalThreshold() != null) {
            w.name("approvalThreshold").value(money(new Money(t.approvalThreshold(), p.currency())));
            w.name("approvalRequired").value(p.totals().currentAnnualSpend().amount().compareTo(t.approvalThreshold()) > 0);
        }
        w.endObject();

        w.name("totals").beginObject();
        w.name("currentMonthlySpend").value(money(p.totals().currentMonthlySpend()));
        w.name("billedSpend").value(money(p.totals().billedSpend()));
        w.name("monthsBilled").value(p.totals().monthsBilled());
        w.name("currentAnnualSpend").value(money(p.totals().currentAnnualSpend()));
        w.name("recoverableCredits").value(money(p.totals().recoverableCredits()));
        w.name("expectedAnnualSavings").value(money(p.totals().expectedAnnualSavings()));
        w.name("annualSavingsFromDisconnects").value(money(p.totals().annualSavingsDisconnect()));
        w.endObject();
        w.name("unreconciledInvoices").beginArray();
        for (NegotiationPackage.Unreconciled invoice : p.unreconciled()) {
            w.beginObject().name("account").value(invoice.account()).name("invoiceNumber").value(invoice.invoiceNumber())
                    .name("invoiceDate").value(invoice.invoiceDate().toString()).name("stated").value(money(invoice.stated()))
                    .name("lines").value(money(invoice.lines())).name("gap").value(money(invoice.gap())).endObject();
        }
        w.endArray();
        w.endObject();
        w.flush();
        out.write("\n");
    }

    private static void spend(JsonWriter w, String field, String nameField, List<SpendRow> rows) throws IOException {
        w.name(field).beginArray();
        for (SpendRow row : rows) {
            w.beginObject().name(nameField).value(row.name()).name("services").value(row.services()).name("monthlySpend")
                    .value(money(row.monthlySpend())).endObject();
        }
        w.endArray();
    }

    private static void actions(JsonWriter w, String field, List<ActionRow> rows) throws IOException {
        w.name(field).beginArray();
        for (ActionRow row : rows) {
            w.beginObject();
            w.name("findingId").value(row.findingId());
            w.name("detector").value(row.detectorId());
            w.name("kind").value(row.kind());
            text(w, "serviceId", row.serviceId());
            w.name("monthlyImpact").value(money(row.monthly()));
            w.name("annualImpact").value(money(row.annual()));
            w.name("credit").value(money(row.credit()));
            w.name("explanation").value(row.explanation());
            w.name("evidence").beginArray();
            for (String source : row.evidence()) {
                w.value(source);
            }
            w.endArray();
            w.endObject();
        }
        w.endArray();
    }

    static String money(Money money) {
        return money.rounded().amount().toPlainString();
    }

    private static void number(JsonWriter w, String field, BigDecimal value) throws IOException {
        if (value != null) {
            w.name(field).value(new BigDecimal(value.stripTrailingZeros().toPlainString()));
        }
    }

    private static void text(JsonWriter w, String field, String value) throws IOException {
        if (value != null) {
            w.name(field).value(value);
        }
    }
}
