package org.bridgeline.negotiation.internal;

import static org.bridgeline.negotiation.internal.PackageJson.money;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bridgeline.api.detect.BenchmarkMatch;
import org.bridgeline.api.detect.UsageMatch;
import org.bridgeline.api.model.Requirement;
import org.bridgeline.negotiation.internal.NegotiationPackage.ActionRow;
import org.bridgeline.negotiation.internal.NegotiationPackage.RequirementRow;
import org.bridgeline.negotiation.internal.NegotiationPackage.ServiceRow;

/**
 * The package as spreadsheets a procurement lead opens: services with their current, benchmark
 * and target prices; the credits to claim; the services to disconnect; IT's requirements.
 */
final class PackageCsv {

    static final List<String> FILES = List.of("package-services.csv", "package-credits.csv", "package-disconnects.csv",
            "package-requirements.csv", "package-usage.csv");

    private PackageCsv() {
    }

    static void write(NegotiationPackage p, Path folder) throws IOException {
        String currency = p.currency().getCurrencyCode();
        Map<String, BenchmarkMatch> matches = p.benchmarks().stream().collect(Collectors.toMap(BenchmarkMatch::serviceId,
                Function.identity(), (a, b) -> a));
        try (CSVPrinter csv = printer(folder.resolve(FILES.get(0)), "service_id", "account", "service_type", "bandwidth_mbps", "site",
                "monthly_recurring", "monthly_usage", "benchmark_percentile", "benchmark_p25", "benchmark_median", "target_monthly",
                "annual_overpay", "benchmark_source", "benchmark_as_of", "currency")) {
            for (ServiceRow s : p.services()) {
                BenchmarkMatch m = matches.get(s.serviceId());
                boolean matched = m != null && m.benchmark() != null;
                csv.printRecord(s.serviceId(), s.account(), s.type(), plain(s.bandwidthMbps()), text(s.site()), money(s.monthlyRecurring()),
                        money(s.monthlyUsage()), matched ? m.percentile() : "", matched ? money(m.benchmark().p25()) : "",
                        matched ? money(m.benchmark().median()) : "", matched ? money(m.target()) : "", matched ? money(m.annualOverpay()) : "",
                        matched ? m.benchmark().source() : m == null ? "" : m.unmatched(), matched ? m.benchmark().asOf() : "", currency);
            }
        }
        try (CSVPrinter csv = printer(folder.resolve(FILES.get(4)), "service_id", "destination", "calls", "minutes", "billed",
                "billed_per_minute", "benchmark_per_minute", "annual_overpay", "benchmark_source", "benchmark_as_of", "currency")) {
            for (UsageMatch u : p.usage()) {
                boolean matched = u.benchmark() != null;
                csv.printRecord(u.usage().serviceId(), u.usage().destination(), u.usage().lines(), plain(u.minutes()), money(u.usage().total()),
                        u.billedPerMinute() == null ? "" : plain(u.billedPerMinute().amount()),
                        matched ? plain(u.benchmark().median().amount()) : "", matched ? money(u.annualOverpay()) : "",
                        matched ? u.benchmark().source() : u.unmatched(), matched ? u.benchmark().asOf() : "", currency);
            }
        }
        actions(folder.resolve(FILES.get(1)), p.credits(), currency);
        actions(folder.resolve(FILES.get(2)), p.disconnects(), currency);
        try (CSVPrinter csv = printer(folder.resolve(FILES.get(3)), "site", "service_type", "bandwidth_mbps", "needed_by",
                "availability_percent", "time_to_repair_hours", "status", "current_service_id", "current_bandwidth_mbps", "notes")) {
            for (RequirementRow row : p.requirements()) {
                Requirement r = row.requirement();
                csv.printRecord(r.site(), r.serviceType(), plain(r.bandwidthMbps()), r.neededBy(), plain(r.sla().availabilityPercent()),
                        r.sla().timeToRepair() == null ? "" : r.sla().timeToRepair().toHours(), row.status(), text(row.currentServiceId()),
                        plain(row.currentBandwidthMbps()), text(r.notes()));
            }
            for (ServiceRow s : p.notNeeded()) {
                csv.printRecord(s.site(), s.type(), plain(s.bandwidthMbps()), "", "", "", "NOT_NEEDED", s.serviceId(), plain(s.bandwidthMbps()),
                        "billed today, not among the site's requirements: a disconnect candidate");
            }
        }
    }

    private static void actions(Path file, List<ActionRow> rows, String currency) throws IOException {
        try (CSVPrinter csv = printer(file, "finding_id", "kind", "service_id", "monthly_impact", "annual_impact", "credit", "currency",
                "explanation", "evidence")) {
            for (ActionRow row : rows) {
                csv.printRecord(row.findingId(), row.kind(), text(row.serviceId()), money(row.monthly()), money(row.annual()),
                        money(row.credit()), currency, row.explanation(), String.join("; ", row.evidence()));
            }
        }
    }

    private static CSVPrinter printer(Path file, String... header) throws IOException {
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator("\r\n").get());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
