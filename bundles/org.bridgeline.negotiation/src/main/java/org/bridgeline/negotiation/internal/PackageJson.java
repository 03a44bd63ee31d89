package org.bridgeline.negotiation.internal;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.bridgeline.api.detect.BenchmarkMatch;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Requirement;
import org.bridgeline.negotiation.internal.NegotiationPackage.ActionRow;
import org.bridgeline.negotiation.internal.NegotiationPackage.RequirementRow;
import org.bridgeline.negotiation.internal.NegotiationPackage.ServiceRow;
import org.bridgeline.negotiation.internal.NegotiationPackage.SpendRow;

/**
 * package.json: the package in the schema {@value NegotiationPackage#SCHEMA}, documented in the
 * bundle's README. Amounts are decimal strings rounded to the currency's minor unit, so no reader
 * parses money as a floating-point number.
 */
final class PackageJson {

    private PackageJson() {
    }

    static String write(NegotiationPackage p) {
        JsonObject root = new JsonObject();
        root.addProperty("schema", NegotiationPackage.SCHEMA);
        root.addProperty("carrier", p.carrier());
        root.addProperty("currency", p.currency().getCurrencyCode());
        root.addProperty("billedFrom", p.billedFrom().toString());
        root.addProperty("billedTo", p.billedTo().toString());
        JsonObject audit = new JsonObject();
        audit.addProperty("runId", p.auditRunId());
        audit.addProperty("at", p.auditedAt().toString());
        root.add("audit", audit);

        JsonObject book = new JsonObject();
        JsonArray services = new JsonArray();
        for (ServiceRow s : p.services()) {
            JsonObject o = new JsonObject();
            o.addProperty("serviceId", s.serviceId());
            o.addProperty("account", s.account());
            o.addProperty("serviceType", s.type().name());
            number(o, "bandwidthMbps", s.bandwidthMbps());
            o.addProperty("site", s.site());
            o.addProperty("firstBilled", s.firstBilled().toString());
            o.addProperty("lastBilled", s.lastBilled().toString());
            o.addProperty("monthlyRecurring", money(s.monthlyRecurring()));
            o.addProperty("monthlyUsage", money(s.monthlyUsage()));
            services.add(o);
        }
        book.add("services", services);
        book.add("sites", spend(p.sites(), "site"));
        book.add("serviceTypes", spend(p.serviceTypes(), "serviceType"));
        book.addProperty("monthlySpend", money(p.totals().currentMonthlySpend()));
        root.add("bookOfBusiness", book);

        JsonObject anomalies = new JsonObject();
        anomalies.add("credits", actions(p.credits()));
        anomalies.add("disconnects", actions(p.disconnects()));
        anomalies.add("corrections", actions(p.corrections()));
        anomalies.add("renegotiations", actions(p.renegotiations()));
        root.add("anomalies", anomalies);

        JsonObject benchmarks = new JsonObject();
        benchmarks.addProperty("targetPercentile", p.targetPercentile());
        JsonArray rows = new JsonArray();
        for (BenchmarkMatch m : p.benchmarks()) {
            JsonObject o = new JsonObject();
            o.addProperty("serviceId", m.serviceId());
            o.addProperty("serviceType", m.serviceType().name());
            number(o, "bandwidthMbps", m.bandwidthMbps());
            o.addProperty("termMonths", m.termMonths());
            o.addProperty("currentMonthly", money(m.monthlyPrice()));
            if (m.benchmark() == null) {
                o.addProperty("unmatched", m.unmatched());
            } else {
                Benchmark b = m.benchmark();
                o.addProperty("percentile", m.percentile());
                o.addProperty("targetMonthly", money(m.target()));
                o.addProperty("annualOverpay", money(m.annualOverpay()));
                JsonObject source = new JsonObject();
                source.addProperty("provider", b.providerId());
                source.addProperty("source", b.source());
                source.addProperty("asOf", b.asOf().toString());
                source.addProperty("region", b.region());
                source.addProperty("band", b.band().toString());
                source.addProperty("termMonths", b.termMonths());
                source.addProperty("p25", money(b.p25()));
                source.addProperty("median", money(b.median()));
                source.addProperty("p75", money(b.p75()));
                source.addProperty("sampleSize", b.sampleSize());
                o.add("benchmark", source);
            }
            rows.add(o);
        }
        benchmarks.add("services", rows);
        root.add("benchmarks", benchmarks);

        JsonArray requirements = new JsonArray();
        for (RequirementRow row : p.requirements()) {
            Requirement r = row.requirement();
            JsonObject o = new JsonObject();
            o.addProperty("site", r.site());
            o.addProperty("serviceType", r.serviceType().name());
            number(o, "bandwidthMbps", r.bandwidthMbps());
            o.addProperty("neededBy", r.neededBy().toString());
            number(o, "availabilityPercent", r.sla().availabilityPercent());
            if (r.sla().timeToRepair() != null) {
                o.addProperty("timeToRepairHours", r.sla().timeToRepair().toHours());
            }
            o.addProperty("notes", r.notes());
            o.addProperty("status", row.status());
            o.addProperty("currentServiceId", row.currentServiceId());
            number(o, "currentBandwidthMbps", row.currentBandwidthMbps());
            requirements.add(o);
        }
        root.add("requirements", requirements);
        JsonArray notNeeded = new JsonArray();
        for (ServiceRow s2 : p.notNeeded()) {
            JsonObject o = new JsonObject();
            o.addProperty("serviceId", s2.serviceId());
            o.addProperty("serviceType", s2.type().name());
            o.addProperty("site", s2.site());
            o.addProperty("monthlyRecurring", money(s2.monthlyRecurring()));
            notNeeded.add(o);
        }
        root.add("servicesNotNeeded", notNeeded);

        JsonObject terms = new JsonObject();
        terms.addProperty("maxTermMonths", p.terms().maxTermMonths());
        terms.addProperty("autoRenewal", p.terms().autoRenewal());
        terms.addProperty("slaCreditsRequired", p.terms().slaCreditsRequired());
        number(terms, "availabilityPercent", p.terms().availabilityPercent());
        if (p.terms().timeToRepairHours() != null) {
            terms.addProperty("timeToRepairHours", p.terms().timeToRepairHours());
        }
        if (p.terms().committedSpendCeiling() != null) {
            terms.addProperty("committedSpendCeiling", money(p.terms().committedSpendCeiling()));
        }
        if (p.terms().approvalThreshold() != null) {
            terms.addProperty("approvalThreshold", money(new Money(p.terms().approvalThreshold(), p.currency())));
            terms.addProperty("approvalRequired", p.totals().currentAnnualSpend().amount().compareTo(p.terms().approvalThreshold()) > 0);
        }
        root.add("expectedTerms", terms);

        JsonObject totals = new JsonObject();
        totals.addProperty("currentMonthlySpend", money(p.totals().currentMonthlySpend()));
        totals.addProperty("currentAnnualSpend", money(p.totals().currentAnnualSpend()));
        totals.addProperty("recoverableCredits", money(p.totals().recoverableCredits()));
        totals.addProperty("expectedAnnualSavings", money(p.totals().expectedAnnualSavings()));
        totals.addProperty("annualSavingsFromDisconnects", money(p.totals().annualSavingsDisconnect()));
        root.add("totals", totals);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    private static JsonArray spend(List<SpendRow> rows, String nameField) {
        JsonArray array = new JsonArray();
        for (SpendRow row : rows) {
            JsonObject o = new JsonObject();
            o.addProperty(nameField, row.name());
            o.addProperty("services", row.services());
            o.addProperty("monthlySpend", money(row.monthlySpend()));
            array.add(o);
        }
        return array;
    }

    private static JsonArray actions(List<ActionRow> rows) {
        JsonArray array = new JsonArray();
        for (ActionRow row : rows) {
            JsonObject o = new JsonObject();
            o.addProperty("findingId", row.findingId());
            o.addProperty("detector", row.detectorId());
            o.addProperty("kind", row.kind());
            o.addProperty("serviceId", row.serviceId());
            o.addProperty("monthlyImpact", money(row.monthly()));
            o.addProperty("annualImpact", money(row.annual()));
            o.addProperty("credit", money(row.credit()));
            o.addProperty("explanation", row.explanation());
            JsonArray evidence = new JsonArray();
            row.evidence().forEach(evidence::add);
            o.add("evidence", evidence);
            array.add(o);
        }
        return array;
    }

    static String money(Money money) {
        return money.rounded().amount().toPlainString();
    }

    private static void number(JsonObject o, String field, BigDecimal value) {
        if (value != null) {
            o.addProperty(field, new BigDecimal(value.stripTrailingZeros().toPlainString()));
        }
    }
}
