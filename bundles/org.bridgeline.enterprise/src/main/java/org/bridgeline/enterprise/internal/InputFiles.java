package org.bridgeline.enterprise.internal;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ContractRate;
import org.bridgeline.api.model.ContractService;
import org.bridgeline.api.model.PostTermRule;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.Requirement;
import org.bridgeline.api.model.ServiceOrder;

/**
 * Contracts, expected inventory and orders in the forms bl:contract-import, bl:inventory-import
 * and bl:orders-import read.
 */
public final class InputFiles {

    private InputFiles() {
    }

    public static void contracts(List<Contract> contracts, Path file) throws IOException {
        JsonArray array = new JsonArray();
        for (Contract contract : contracts) {
            JsonObject object = new JsonObject();
            object.addProperty("carrier", contract.carrier());
            object.addProperty("contractId", contract.contractId());
            object.addProperty("termStart", contract.term().start().toString());
            object.addProperty("termEnd", contract.term().end().toString());
            object.addProperty("autoRenewal", contract.autoRenewal());
            object.addProperty("renewalTermMonths", contract.renewalTermMonths());
            String currency = contract.rates().isEmpty() ? "USD" : contract.rates().get(0).rate().currency().getCurrencyCode();
            object.addProperty("currency", currency);
            if (contract.committedSpend() != null) {
                object.addProperty("committedSpend", contract.committedSpend().amount());
            }
            JsonArray rates = rates(contract.rates(), currency, contract);
            object.add("rates", rates);
            if (contract.lateFeesWaived()) {
                object.addProperty("lateFeesWaived", true);
            }
            if (contract.postTerm().kind() != PostTermRule.Kind.MONTH_TO_MONTH) {
                JsonObject rule = new JsonObject();
                rule.addProperty("rule", contract.postTerm().kind().name());
                if (contract.postTerm().upliftPercent() != null) {
                    rule.addProperty("upliftPercent", contract.postTerm().upliftPercent());
                }
                if (!contract.postTerm().listPrices().isEmpty()) {
                    rule.add("listPrices", rates(contract.postTerm().listPrices(), currency, contract));
                }
                object.add("postTerm", rule);
            }
            if (!contract.services().isEmpty()) {
                JsonArray schedule = new JsonArray();
                for (ContractService service : contract.services()) {
                    JsonObject entry = new JsonObject();
                    if (service.serviceId() != null) {
                        entry.addProperty("serviceId", service.serviceId());
                    }
                    if (service.serviceType() != null) {
                        entry.addProperty("serviceType", service.serviceType().name());
                    }
                    if (service.site() != null) {
                        entry.addProperty("site", service.site());
                    }
                    entry.addProperty("termStart", service.term().start().toString());
                    entry.addProperty("termEnd", service.term().end().toString());
                    if (!service.rates().isEmpty()) {
                        entry.add("rates", rates(service.rates(), currency, contract));
                    }
                    schedule.add(entry);
                }
                object.add("services", schedule);
            }
            if (contract.sla().availabilityPercent() != null || contract.sla().timeToRepair() != null || contract.sla().creditPercent() != null) {
                JsonObject sla = new JsonObject();
                if (contract.sla().availabilityPercent() != null) {
                    sla.addProperty("availabilityPercent", contract.sla().availabilityPercent());
                }
                if (contract.sla().timeToRepair() != null) {
                    sla.addProperty("timeToRepairHours", contract.sla().timeToRepair().toHours());
                }
                if (contract.sla().creditPercent() != null) {
                    sla.addProperty("creditPercent", contract.sla().creditPercent());
                }
                object.add("sla", sla);
            }
            array.add(object);
        }
        JsonObject root = new JsonObject();
        root.add("contracts", array);
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n", StandardCharsets.UTF_8);
    }

    private static JsonArray rates(List<ContractRate> list, String currency, Contract contract) {
        JsonArray rates = new JsonArray();
        for (ContractRate rate : list) {
            if (!rate.rate().currency().getCurrencyCode().equals(currency)) {
                throw new IllegalArgumentException("contract " + contract.contractId() + " has rates in two currencies");
            }
            JsonObject r = new JsonObject();
            if (rate.serviceType() != null) {
                r.addProperty("serviceType", rate.serviceType().name());
            }
            if (rate.chargeCode() != null) {
                r.addProperty("chargeCode", rate.chargeCode());
            }
            if (rate.bandwidthMbps() != null) {
                r.addProperty("bandwidthMbps", rate.bandwidthMbps());
            }
            r.addProperty("category", rate.category().name());
            r.addProperty("rate", rate.rate().amount());
            if (rate.unit() != null) {
                r.addProperty("unit", rate.unit());
            }
            rates.add(r);
        }
        return rates;
    }

    public static void inventory(List<ExpectedService> services, Path file) throws IOException {
        try (CSVPrinter csv = printer(file, "carrier", "service_id", "site", "service_type", "bandwidth_mbps", "status", "features",
                "expected_monthly", "currency", "install_date", "term_months", "disconnect_date")) {
            for (ExpectedService service : services) {
                csv.printRecord(service.carrier(), service.serviceId(), service.site() == null ? "" : service.site(),
                        service.serviceType().name(), plain(service.bandwidthMbps()), service.status(), String.join(";", service.features()),
                        service.expectedMonthly() == null ? "" : plain(service.expectedMonthly().amount()),
                        service.expectedMonthly() == null ? "" : service.expectedMonthly().currency().getCurrencyCode(),
                        service.installed() == null ? "" : service.installed().toString(),
                        service.termMonths() == 0 ? "" : String.valueOf(service.termMonths()),
                        service.disconnected() == null ? "" : service.disconnected().toString());
            }
        }
    }

    public static void orders(List<ServiceOrder> orders, Path file) throws IOException {
        try (CSVPrinter csv = printer(file, "order_id", "carrier", "service_id", "kind", "effective", "detail", "feature")) {
            for (ServiceOrder order : orders) {
                csv.printRecord(order.orderId(), order.carrier(), order.serviceId(), order.kind().name(), order.effective().toString(),
                        order.detail() == null ? "" : order.detail(), order.feature() == null ? "" : order.feature());
            }
        }
    }

    /** IT's requirements in the CSV form bl:requirements-import reads. */
    public static void requirements(List<Requirement> requirements, Path file) throws IOException {
        try (CSVPrinter csv = printer(file, "site", "service_type", "bandwidth_mbps", "needed_by", "availability_percent",
                "time_to_repair_hours", "notes")) {
            for (Requirement r : requirements) {
                csv.printRecord(r.site(), r.serviceType().name(), plain(r.bandwidthMbps()), r.neededBy().toString(),
                        plain(r.sla().availabilityPercent()), r.sla().timeToRepair() == null ? "" : r.sla().timeToRepair().toHours(),
                        r.notes() == null ? "" : r.notes());
            }
        }
    }

    /** A benchmark table in the CSV form the benchmark table provider reads. */
    public static void benchmarks(List<Benchmark> benchmarks, Path file) throws IOException {
        try (CSVPrinter csv = printer(file, "service_type", "bandwidth_from_mbps", "bandwidth_to_mbps", "region", "term_months", "currency",
                "p25", "median", "p75", "unit", "sample_size", "source", "as_of")) {
            for (Benchmark b : benchmarks) {
                csv.printRecord(b.serviceType().name(), plain(b.band().fromMbps()), plain(b.band().toMbps()), b.region(), b.termMonths(),
                        b.p25().currency().getCurrencyCode(), plain(b.p25().amount()), plain(b.median().amount()), plain(b.p75().amount()),
                        b.unit() == null ? "" : b.unit(), b.sampleSize(), b.source(), b.asOf().toString());
            }
        }
    }

    private static CSVPrinter printer(Path file, String... header) throws IOException {
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator("\n").get());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
