package org.bridgeline.core.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ContractRate;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.ServiceOrder;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.api.model.Requirement;
import org.bridgeline.api.model.SlaTerms;

/**
 * Reads contracts, expected inventory and orders in their documented formats. Every mistake
 * names the file, the row (or JSON path) and the field, what was expected and what was found.
 */
final class InputsReader {

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    private InputsReader() {
    }

    /** A value that does not read as the format says; the message is the operator's line. */
    static final class BadInput extends Exception {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message, null, false, false);
        }
    }

    /** Field access on a CSV row or a JSON object, with the place named in every error. */
    private interface Fields {
        String where();

        String text(String field);

        default String required(String field) throws BadInput {
            String value = text(field);
            if (value == null || value.isBlank()) {
                throw new BadInput(where() + ": field \"" + field + "\": expected a value, found nothing");
            }
            return value.strip();
        }

        default BigDecimal decimal(String field, boolean required) throws BadInput {
            String value = required ? required(field) : text(field);
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return new BigDecimal(value.strip());
            } catch (NumberFormatException e) {
                throw new BadInput(where() + ": field \"" + field + "\": expected a decimal number, found \"" + value + "\"");
            }
        }

        default LocalDate date(String field) throws BadInput {
            String value = required(field);
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new BadInput(where() + ": field \"" + field + "\": expected a date as yyyy-MM-dd, found \"" + value + "\"");
            }
        }

        default <E extends Enum<E>> E choice(String field, Class<E> type, E fallback) throws BadInput {
            String value = text(field);
            if (value == null || value.isBlank()) {
                if (fallback == null) {
                    return Enum.valueOf(type, required(field));
                }
                return fallback;
            }
            try {
                return Enum.valueOf(type, value.strip().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new BadInput(where() + ": field \"" + field + "\": expected one of " + List.of(type.getEnumConstants())
                        + ", found \"" + value + "\"");
            }
        }

        default boolean flag(String field) throws BadInput {
            String value = text(field);
            if (value == null || value.isBlank()) {
                return false;
            }
            return switch (value.strip().toLowerCase()) {
                case "true", "yes", "y", "1" -> true;
                case "false", "no", "n", "0" -> false;
                default -> throw new BadInput(where() + ": field \"" + field + "\": expected true or false, found \"" + value + "\"");
            };
        }

        default Currency currency(String field) throws BadInput {
            String value = required(field);
            try {
                return Currency.getInstance(value.toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new BadInput(where() + ": field \"" + field + "\": expected an ISO 4217 currency such as USD, found \"" + value + "\"");
            }
        }
    }

    private static Fields row(CSVRecord record, String file) {
        return new Fields() {
            public String where() {
                return file + " row " + (record.getRecordNumber() + 1);
            }

            public String text(String field) {
                return record.isMapped(field) && record.isSet(field) ? record.get(field) : null;
            }
        };
    }

    private static Fields json(JsonObject object, String where) {
        return new Fields() {
            public String where() {
                return where;
            }

            public String text(String field) {
                JsonElement value = object.get(field);
                return value == null || value.isJsonNull() ? null : value.isJsonPrimitive() ? value.getAsString() : value.toString();
            }
        };
    }

    private interface RowReader<T> {
        T read(Fields fields) throws BadInput;
    }

    private static <T> List<T> readCsv(Path file, RowReader<T> reader) throws BadInput, IOException {
        List<T> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser csv = CSVParser.builder().setReader(in)
                .setFormat(CSV).get()) {
            for (CSVRecord record : csv) {
                rows.add(reader.read(row(record, file.getFileName().toString())));
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new BadInput(file.getFileName() + ": not well-formed CSV: " + e.getMessage());
        }
        return rows;
    }

    // ---- contracts ---------------------------------------------------------------------------

    static List<Contract> contracts(Path file) throws BadInput, IOException {
        return file.getFileName().toString().toLowerCase().endsWith(".json") ? contractsJson(file) : contractsCsv(file);
    }

    private static List<Contract> contractsJson(Path file) throws BadInput, IOException {
        String name = file.getFileName().toString();
        JsonElement root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(in);
        } catch (JsonParseException e) {
            throw new BadInput(name + ": not valid JSON: " + e.getMessage());
        }
        if (!root.isJsonObject() || !root.getAsJsonObject().has("contracts") || !root.getAsJsonObject().get("contracts").isJsonArray()) {
            throw new BadInput(name + ": expected an object with a \"contracts\" array");
        }
        JsonArray array = root.getAsJsonObject().getAsJsonArray("contracts");
        List<Contract> contracts = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String where = name + " contracts[" + i + "]";
            if (!array.get(i).isJsonObject()) {
                throw new BadInput(where + ": expected an object");
            }
            JsonObject object = array.get(i).getAsJsonObject();
            Fields fields = json(object, where);
            Currency currency = fields.currency("currency");
            List<ContractRate> rates = new ArrayList<>();
            JsonArray rateArray = object.has("rates") && object.get("rates").isJsonArray() ? object.getAsJsonArray("rates") : new JsonArray();
            for (int r = 0; r < rateArray.size(); r++) {
                rates.add(rate(json(rateArray.get(r).getAsJsonObject(), where + ".rates[" + r + "]"), currency));
            }
            Fields sla = object.has("sla") && object.get("sla").isJsonObject() ? json(object.getAsJsonObject("sla"), where + ".sla") : null;
            contracts.add(contract(fields, currency, rates, sla));
        }
        return contracts;
    }

    private static List<Contract> contractsCsv(Path file) throws BadInput, IOException {
        // one row per rate; the contract's own fields repeat on each of its rows
        Map<String, Contract> byId = new LinkedHashMap<>();
        Map<String, List<ContractRate>> rates = new LinkedHashMap<>();
        for (Object[] row : readCsv(file, fields -> {
            Currency currency = fields.currency("currency");
            Contract contract = contract(fields, currency, List.of(), fields);
            ContractRate rate = fields.text("rate") == null || fields.text("rate").isBlank() ? null : rate(fields, currency);
            return new Object[] {contract, rate, fields.where()};
        })) {
            Contract contract = (Contract) row[0];
            String key = contract.carrier() + '\u0000' + contract.contractId();
            Contract known = byId.putIfAbsent(key, contract);
            if (known != null && !known.equals(contract)) {
                throw new BadInput(row[2] + ": contract " + contract.contractId() + ": expected the same terms as its earlier rows, "
                        + "found different ones");
            }
            if (row[1] != null) {
                rates.computeIfAbsent(key, k -> new ArrayList<>()).add((ContractRate) row[1]);
            }
        }
        List<Contract> contracts = new ArrayList<>();
        byId.forEach((key, contract) -> contracts.add(new Contract(contract.carrier(), contract.contractId(), contract.term(),
                contract.autoRenewal(), contract.renewalTermMonths(), contract.committedSpend(), rates.getOrDefault(key, List.of()),
                contract.sla())));
        return contracts;
    }

    private static Contract contract(Fields fields, Currency currency, List<ContractRate> rates, Fields sla) throws BadInput {
        LocalDate start = fields.date(key(fields, "termStart", "term_start"));
        LocalDate end = fields.date(key(fields, "termEnd", "term_end"));
        if (end.isBefore(start)) {
            throw new BadInput(fields.where() + ": field \"" + key(fields, "termEnd", "term_end") + "\": expected a date after the term start "
                    + start + ", found " + end);
        }
        BigDecimal committed = fields.decimal(key(fields, "committedSpend", "committed_spend"), false);
        String renewal = fields.text(key(fields, "renewalTermMonths", "renewal_months"));
        int renewalMonths;
        try {
            renewalMonths = renewal == null || renewal.isBlank() ? 0 : Integer.parseInt(renewal.strip());
        } catch (NumberFormatException e) {
            throw new BadInput(fields.where() + ": field \"renewal months\": expected a whole number, found \"" + renewal + "\"");
        }
        SlaTerms terms = SlaTerms.NONE;
        if (sla != null) {
            BigDecimal hours = sla.decimal(key(sla, "timeToRepairHours", "sla_repair_hours"), false);
            terms = new SlaTerms(sla.decimal(key(sla, "availabilityPercent", "sla_availability"), false),
                    hours == null ? null : Duration.ofMinutes(hours.multiply(BigDecimal.valueOf(60)).longValue()),
                    sla.decimal(key(sla, "creditPercent", "sla_credit_percent"), false));
        }
        return new Contract(fields.required("carrier"), fields.required(key(fields, "contractId", "contract_id")), Period.of(start, end),
                fields.flag(key(fields, "autoRenewal", "auto_renewal")), renewalMonths,
                committed == null ? null : new Money(committed, currency), rates, terms);
    }

    private static ContractRate rate(Fields fields, Currency currency) throws BadInput {
        ServiceType type = fields.text(key(fields, "serviceType", "service_type")) == null ? null
                : fields.choice(key(fields, "serviceType", "service_type"), ServiceType.class, ServiceType.OTHER);
        ChargeCategory category = fields.choice("category", ChargeCategory.class, ChargeCategory.RECURRING);
        if (category != ChargeCategory.RECURRING && category != ChargeCategory.USAGE && category != ChargeCategory.ONE_TIME) {
            throw new BadInput(fields.where() + ": field \"category\": expected RECURRING, USAGE or ONE_TIME, found " + category);
        }
        String code = fields.text(key(fields, "chargeCode", "charge_code"));
        return new ContractRate(type, code == null || code.isBlank() ? null : code.strip(),
                fields.decimal(key(fields, "bandwidthMbps", "bandwidth_mbps"), false), category,
                new Money(fields.decimal("rate", true), currency), blank(fields.text("unit")));
    }

    /** JSON uses camelCase, CSV snake_case: whichever the source has. */
    private static String key(Fields fields, String camel, String snake) {
        return fields.text(camel) != null ? camel : snake;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    // ---- expected inventory and orders -------------------------------------------------------

    static List<ExpectedService> inventory(Path file) throws BadInput, IOException {
        return readCsv(file, fields -> new ExpectedService(fields.required("carrier"), fields.required("service_id"),
                blank(fields.text("site")), fields.choice("service_type", ServiceType.class, ServiceType.OTHER),
                fields.decimal("bandwidth_mbps", false), statusOf(fields)));
    }

    private static String statusOf(Fields fields) throws BadInput {
        String status = fields.text("status");
        if (status == null || status.isBlank()) {
            return "ACTIVE";
        }
        String value = status.strip().toUpperCase();
        if (!List.of("ACTIVE", "PENDING", "DISCONNECTED").contains(value)) {
            throw new BadInput(fields.where() + ": field \"status\": expected ACTIVE, PENDING or DISCONNECTED, found \"" + status + "\"");
        }
        return value;
    }

    static List<ServiceOrder> orders(Path file) throws BadInput, IOException {
        return readCsv(file, fields -> new ServiceOrder(fields.required("order_id"), fields.required("carrier"),
                fields.required("service_id"), fields.choice("kind", ServiceOrder.Kind.class, null), fields.date("effective"),
                blank(fields.text("detail"))));
    }

    // ---- requirements ------------------------------------------------------------------------

    /** IT's requirements: CSV (site, service_type, bandwidth_mbps, needed_by, availability_percent, time_to_repair_hours, notes) or JSON. */
    static List<Requirement> requirements(Path file) throws BadInput, IOException {
        if (!file.getFileName().toString().toLowerCase().endsWith(".json")) {
            return readCsv(file, InputsReader::requirement);
        }
        JsonElement root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(in);
        } catch (JsonParseException e) {
            throw new BadInput(file.getFileName() + ": not valid JSON: " + e.getMessage());
        }
        if (!root.isJsonObject() || !root.getAsJsonObject().has("requirements") || !root.getAsJsonObject().get("requirements").isJsonArray()) {
            throw new BadInput(file.getFileName() + ": expected an object with a \"requirements\" array");
        }
        JsonArray array = root.getAsJsonObject().getAsJsonArray("requirements");
        List<Requirement> requirements = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String where = file.getFileName() + " requirements[" + i + "]";
            if (!array.get(i).isJsonObject()) {
                throw new BadInput(where + ": expected an object");
            }
            requirements.add(requirement(json(array.get(i).getAsJsonObject(), where)));
        }
        return requirements;
    }

    private static Requirement requirement(Fields fields) throws BadInput {
        BigDecimal hours = fields.decimal(key(fields, "timeToRepairHours", "time_to_repair_hours"), false);
        BigDecimal availability = fields.decimal(key(fields, "availabilityPercent", "availability_percent"), false);
        if (availability != null && (availability.signum() <= 0 || availability.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new BadInput(fields.where() + ": field \"availability_percent\": expected a percentage above 0 and at most 100, found "
                    + availability.toPlainString());
        }
        return new Requirement(fields.required("site"), fields.choice(key(fields, "serviceType", "service_type"), ServiceType.class, null),
                fields.decimal(key(fields, "bandwidthMbps", "bandwidth_mbps"), false), fields.date(key(fields, "neededBy", "needed_by")),
                new SlaTerms(availability, hours == null ? null : Duration.ofMinutes(hours.multiply(BigDecimal.valueOf(60)).longValue()), null),
                blank(fields.text("notes")));
    }
}
