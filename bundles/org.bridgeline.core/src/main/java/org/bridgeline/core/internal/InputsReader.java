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
import java.util.Arrays;
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
import org.bridgeline.api.model.ContractService;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.PostTermRule;
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
            Contract contract = contract(fields, currency, rates, sla);
            PostTermRule postTerm = PostTermRule.MONTH_TO_MONTH;
            if (object.has("postTerm")) {
                if (!object.get("postTerm").isJsonObject()) {
                    throw new BadInput(where + ": field \"postTerm\": expected an object with a \"rule\", found " + object.get("postTerm"));
                }
                JsonObject rule = object.getAsJsonObject("postTerm");
                List<ContractRate> list = new ArrayList<>();
                JsonArray listArray = array(rule, "listPrices", where + ".postTerm");
                for (int r = 0; r < listArray.size(); r++) {
                    list.add(rate(json(element(listArray, r, where + ".postTerm.listPrices"), where + ".postTerm.listPrices[" + r + "]"),
                            currency));
                }
                postTerm = postTerm(json(rule, where + ".postTerm"), "rule", "upliftPercent", list);
            }
            List<ContractService> schedule = new ArrayList<>();
            JsonArray serviceArray = array(object, "services", where);
            for (int e = 0; e < serviceArray.size(); e++) {
                String at = where + ".services[" + e + "]";
                JsonObject entry = element(serviceArray, e, where + ".services");
                List<ContractRate> own = new ArrayList<>();
                JsonArray ownRates = array(entry, "rates", at);
                for (int r = 0; r < ownRates.size(); r++) {
                    own.add(rate(json(element(ownRates, r, at + ".rates"), at + ".rates[" + r + "]"), currency));
                }
                schedule.add(scheduled(json(entry, at), "serviceId", "serviceType", "termStart", "termEnd", "termMonths", own));
            }
            contracts.add(withSchedule(contract, fields.flag("lateFeesWaived"), postTerm, schedule));
        }
        return contracts;
    }

    private static JsonArray array(JsonObject object, String field, String where) throws BadInput {
        if (!object.has(field) || object.get(field).isJsonNull()) {
            return new JsonArray();
        }
        if (!object.get(field).isJsonArray()) {
            throw new BadInput(where + ": field \"" + field + "\": expected an array, found " + object.get(field));
        }
        return object.getAsJsonArray(field);
    }

    private static JsonObject element(JsonArray array, int index, String where) throws BadInput {
        if (!array.get(index).isJsonObject()) {
            throw new BadInput(where + "[" + index + "]: expected an object, found " + array.get(index));
        }
        return array.get(index).getAsJsonObject();
    }

    private static Contract withSchedule(Contract contract, boolean lateFeesWaived, PostTermRule postTerm, List<ContractService> schedule) {
        return new Contract(contract.carrier(), contract.contractId(), contract.term(), contract.autoRenewal(), contract.renewalTermMonths(),
                contract.committedSpend(), contract.rates(), contract.sla(), lateFeesWaived, postTerm, schedule);
    }

    /** A post-term rule: HOLD, UPLIFT (with its percent), LIST_PRICE or MONTH_TO_MONTH (the default); {@code null} list prices: checked later. */
    private static PostTermRule postTerm(Fields fields, String ruleField, String upliftField, List<ContractRate> listPrices) throws BadInput {
        PostTermRule.Kind kind = fields.choice(ruleField, PostTermRule.Kind.class, PostTermRule.Kind.MONTH_TO_MONTH);
        BigDecimal uplift = fields.decimal(upliftField, kind == PostTermRule.Kind.UPLIFT);
        if (uplift != null && (uplift.signum() < 0 || uplift.compareTo(BigDecimal.valueOf(1000)) > 0)) {
            throw new BadInput(fields.where() + ": field \"" + upliftField + "\": expected a percent from 0 to 1000, found "
                    + uplift.toPlainString());
        }
        if (kind == PostTermRule.Kind.LIST_PRICE && listPrices != null && listPrices.isEmpty()) {
            throw new BadInput(fields.where() + ": field \"" + ruleField + "\": LIST_PRICE needs the list prices it names, found none");
        }
        return new PostTermRule(kind, kind == PostTermRule.Kind.UPLIFT ? uplift : null, listPrices);
    }

    /** A schedule entry: a service by id (or by type and site), its own term (an end, or a length in months) and rates. */
    private static ContractService scheduled(Fields fields, String idField, String typeField, String startField, String endField,
            String monthsField, List<ContractRate> rates) throws BadInput {
        String id = blank(fields.text(idField));
        ServiceType type = fields.text(typeField) == null || fields.text(typeField).isBlank() ? null
                : fields.choice(typeField, ServiceType.class, ServiceType.OTHER);
        String site = blank(fields.text("site"));
        if (id == null && type == null && site == null) {
            throw new BadInput(fields.where() + ": field \"" + idField + "\": expected the service's id, or its type and site, found none");
        }
        LocalDate start = fields.date(startField);
        LocalDate end;
        if (blank(fields.text(endField)) != null) {
            end = fields.date(endField);
        } else {
            BigDecimal months = fields.decimal(monthsField, false);
            if (months == null) {
                throw new BadInput(fields.where() + ": fields \"" + endField + "\" or \"" + monthsField
                        + "\": expected the service's term end or its length in months, found neither");
            }
            if (months.signum() <= 0 || months.stripTrailingZeros().scale() > 0) {
                throw new BadInput(fields.where() + ": field \"" + monthsField + "\": expected a whole number of months, found "
                        + months.toPlainString());
            }
            end = start.plusMonths(months.intValueExact()).minusDays(1);
        }
        if (end.isBefore(start)) {
            throw new BadInput(fields.where() + ": field \"" + endField + "\": expected a date after the service's term start " + start
                    + ", found " + end);
        }
        return new ContractService(id, type, site, Period.of(start, end), rates);
    }

    private static List<Contract> contractsCsv(Path file) throws BadInput, IOException {
        // one row per rate; the contract's own fields repeat on each of its rows. A row naming a service (service_id, or
        // service_type and site with a service_term_start) belongs to that service's schedule entry; rate_role LIST makes a
        // row's rate a list price of the post-term rule
        Map<String, Contract> byId = new LinkedHashMap<>();
        Map<String, List<ContractRate>> rates = new LinkedHashMap<>();
        Map<String, List<ContractRate>> listPrices = new LinkedHashMap<>();
        Map<String, Map<String, ContractService>> schedules = new LinkedHashMap<>();
        Map<String, Map<String, List<ContractRate>>> scheduleRates = new LinkedHashMap<>();
        for (CsvContractRow row : readCsv(file, fields -> {
            Currency currency = fields.currency("currency");
            Contract contract = withSchedule(contract(fields, currency, List.of(), fields), fields.flag("late_fees_waived"),
                    postTerm(fields, "post_term", "post_term_uplift_percent", null), List.of());
            ContractRate rate = fields.text("rate") == null || fields.text("rate").isBlank() ? null : rate(fields, currency);
            ContractService entry = blank(fields.text("service_term_start")) == null ? null
                    : scheduled(fields, "service_id", "service_type", "service_term_start", "service_term_end", "service_term_months", List.of());
            String role = blank(fields.text("rate_role")) == null ? "AGREEMENT" : fields.text("rate_role").strip().toUpperCase();
            if (!role.equals("AGREEMENT") && !role.equals("LIST")) {
                throw new BadInput(fields.where() + ": field \"rate_role\": expected AGREEMENT or LIST, found \"" + fields.text("rate_role") + "\"");
            }
            return new CsvContractRow(contract, rate, entry, role, fields.where());
        })) {
            Contract contract = row.contract();
            String key = contract.carrier() + '\u0000' + contract.contractId();
            Contract known = byId.putIfAbsent(key, contract);
            if (known != null && !known.equals(contract)) {
                throw new BadInput(row.where() + ": contract " + contract.contractId() + ": expected the same terms as its earlier rows, "
                        + "found different ones");
            }
            if (row.entry() != null) {
                ContractService entry = row.entry();
                String entryKey = entry.serviceId() + '\u0000' + entry.serviceType() + '\u0000' + entry.site();
                ContractService earlier = schedules.computeIfAbsent(key, k -> new LinkedHashMap<>()).putIfAbsent(entryKey, entry);
                if (earlier != null && !earlier.term().equals(entry.term())) {
                    throw new BadInput(row.where() + ": service " + (entry.serviceId() != null ? entry.serviceId() : entry.serviceType() + " at "
                            + entry.site()) + ": expected the term of its earlier rows, " + earlier.term() + ", found " + entry.term());
                }
                if (row.rate() != null) {
                    scheduleRates.computeIfAbsent(key, k -> new LinkedHashMap<>()).computeIfAbsent(entryKey, k -> new ArrayList<>())
                            .add(row.rate());
                }
            } else if (row.rate() != null) {
                (row.role().equals("LIST") ? listPrices : rates).computeIfAbsent(key, k -> new ArrayList<>()).add(row.rate());
            }
        }
        List<Contract> contracts = new ArrayList<>();
        for (Map.Entry<String, Contract> entry : byId.entrySet()) {
            String key = entry.getKey();
            Contract contract = entry.getValue();
            List<ContractService> schedule = new ArrayList<>();
            schedules.getOrDefault(key, Map.of()).forEach((entryKey, service) -> schedule.add(new ContractService(service.serviceId(),
                    service.serviceType(), service.site(), service.term(), scheduleRates.getOrDefault(key, Map.of())
                            .getOrDefault(entryKey, List.of()))));
            PostTermRule postTerm = contract.postTerm();
            List<ContractRate> list = listPrices.getOrDefault(key, List.of());
            if (!list.isEmpty() && postTerm.kind() != PostTermRule.Kind.LIST_PRICE) {
                throw new BadInput(file.getFileName() + ": contract " + contract.contractId() + ": rows with rate_role LIST are list prices, "
                        + "expected post_term LIST_PRICE, found " + postTerm.kind());
            }
            if (postTerm.kind() == PostTermRule.Kind.LIST_PRICE && list.isEmpty()) {
                throw new BadInput(file.getFileName() + ": contract " + contract.contractId() + ": post_term LIST_PRICE needs rows with "
                        + "rate_role LIST, found none");
            }
            contracts.add(new Contract(contract.carrier(), contract.contractId(), contract.term(), contract.autoRenewal(),
                    contract.renewalTermMonths(), contract.committedSpend(), rates.getOrDefault(key, List.of()), contract.sla(),
                    contract.lateFeesWaived(), new PostTermRule(postTerm.kind(), postTerm.upliftPercent(), list), schedule));
        }
        return contracts;
    }

    private record CsvContractRow(Contract contract, ContractRate rate, ContractService entry, String role, String where) {
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
        return readCsv(file, fields -> {
            BigDecimal monthly = fields.decimal("expected_monthly", false);
            Money expectedMonthly = monthly == null ? null : new Money(monthly, fields.currency("currency"));
            LocalDate disconnected = optionalDate(fields, "disconnect_date");
            BigDecimal term = fields.decimal("term_months", false);
            if (term != null && (term.signum() < 0 || term.stripTrailingZeros().scale() > 0)) {
                throw new BadInput(fields.where() + ": field \"term_months\": expected a whole number of months, found " + term.toPlainString());
            }
            String features = blank(fields.text("features"));
            return new ExpectedService(fields.required("carrier"), fields.required("service_id"), blank(fields.text("site")),
                    fields.choice("service_type", ServiceType.class, ServiceType.OTHER), fields.decimal("bandwidth_mbps", false),
                    blank(fields.text("status")) == null && disconnected != null ? "DISCONNECTED" : statusOf(fields),
                    features == null ? List.of() : Arrays.stream(features.split(";")).map(String::strip).filter(code -> !code.isEmpty()).toList(),
                    expectedMonthly, optionalDate(fields, "install_date"), term == null ? 0 : term.intValueExact(), disconnected);
        });
    }

    private static LocalDate optionalDate(Fields fields, String field) throws BadInput {
        return blank(fields.text(field)) == null ? null : fields.date(field);
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
                fields.required("service_id"), orderKind(fields), fields.date("effective"), blank(fields.text("detail")),
                blank(fields.text("feature"))));
    }

    /** The order's kind; adding or removing a feature needs the feature's charge code. */
    private static ServiceOrder.Kind orderKind(Fields fields) throws BadInput {
        ServiceOrder.Kind kind = fields.choice("kind", ServiceOrder.Kind.class, null);
        if ((kind == ServiceOrder.Kind.ADD_FEATURE || kind == ServiceOrder.Kind.REMOVE_FEATURE) && blank(fields.text("feature")) == null) {
            throw new BadInput(fields.where() + ": field \"feature\": expected the charge code a " + kind + " order adds or removes, found nothing");
        }
        return kind;
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
