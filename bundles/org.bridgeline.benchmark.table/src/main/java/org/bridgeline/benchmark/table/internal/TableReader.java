package org.bridgeline.benchmark.table.internal;

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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bridgeline.api.model.BandwidthBand;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.ServiceType;

/**
 * Reads one benchmark table, CSV or JSON, whole or not at all: the first value that does not
 * read stops it with the file, the row (or JSON index), the field, what was expected and what
 * was found.
 */
final class TableReader {

    static final String PROVIDER_ID = "benchmark-table";

    /** A table that does not read; the message is the operator's line. */
    static final class BadTable extends Exception {
        private static final long serialVersionUID = 1L;

        BadTable(String message) {
            super(message, null, false, false);
        }
    }

    /** A row's fields by their CSV and JSON names. */
    private interface Fields {
        String get(String csvName, String jsonName);

        String where();
    }

    private TableReader() {
    }

    static List<Benchmark> read(Path file) throws BadTable, IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") ? json(file) : csv(file);
    }

    private static List<Benchmark> csv(Path file) throws BadTable, IOException {
        List<Benchmark> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(in, format)) {
            for (String required : List.of("service_type", "region", "term_months", "currency", "p25", "median", "p75", "sample_size",
                    "source", "as_of")) {
                if (!parser.getHeaderMap().containsKey(required)) {
                    throw new BadTable(file.getFileName() + " line 1: expected a column \"" + required + "\", found the columns "
                            + parser.getHeaderNames());
                }
            }
            for (CSVRecord record : parser) {
                rows.add(benchmark(new Fields() {
                    @Override
                    public String get(String csvName, String jsonName) {
                        return record.isMapped(csvName) && record.isSet(csvName) ? record.get(csvName) : null;
                    }

                    @Override
                    public String where() {
                        return file.getFileName() + " line " + (record.getRecordNumber() + 1);
                    }
                }));
            }
        }
        return rows;
    }

    private static List<Benchmark> json(Path file) throws BadTable, IOException {
        JsonElement root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(in);
        } catch (JsonParseException e) {
            throw new BadTable(file.getFileName() + ": not valid JSON: " + e.getMessage());
        }
        if (!root.isJsonObject() || !root.getAsJsonObject().has("benchmarks") || !root.getAsJsonObject().get("benchmarks").isJsonArray()) {
            throw new BadTable(file.getFileName() + ": expected an object with a \"benchmarks\" array");
        }
        JsonArray array = root.getAsJsonObject().getAsJsonArray("benchmarks");
        List<Benchmark> rows = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String where = file.getFileName() + " benchmarks[" + i + "]";
            if (!array.get(i).isJsonObject()) {
                throw new BadTable(where + ": expected an object");
            }
            JsonObject object = array.get(i).getAsJsonObject();
            rows.add(benchmark(new Fields() {
                @Override
                public String get(String csvName, String jsonName) {
                    JsonElement value = object.get(jsonName);
                    return value == null || value.isJsonNull() ? null : value.getAsString();
                }

                @Override
                public String where() {
                    return where;
                }
            }));
        }
        return rows;
    }

    private static Benchmark benchmark(Fields row) throws BadTable {
        ServiceType type = serviceType(row);
        BigDecimal from = decimal(row, "bandwidth_from_mbps", "bandwidthFromMbps", false);
        BigDecimal to = decimal(row, "bandwidth_to_mbps", "bandwidthToMbps", false);
        BandwidthBand band;
        try {
            band = new BandwidthBand(from == null ? BigDecimal.ZERO : from, to);
        } catch (IllegalArgumentException e) {
            throw new BadTable(row.where() + ": field \"bandwidth_to_mbps\": expected more than " + from + ", found " + to);
        }
        String region = text(row, "region", "region", true);
        int term = whole(row, "term_months", "termMonths");
        Currency currency;
        String code = text(row, "currency", "currency", true);
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new BadTable(row.where() + ": field \"currency\": expected an ISO 4217 code such as USD, found \"" + code + "\"");
        }
        Money p25 = new Money(decimal(row, "p25", "p25", true), currency);
        Money median = new Money(decimal(row, "median", "median", true), currency);
        Money p75 = new Money(decimal(row, "p75", "p75", true), currency);
        if (p25.compareTo(median) > 0 || median.compareTo(p75) > 0) {
            throw new BadTable(row.where() + ": fields \"p25\", \"median\", \"p75\": expected p25 <= median <= p75, found "
                    + p25.amount().toPlainString() + ", " + median.amount().toPlainString() + ", " + p75.amount().toPlainString());
        }
        String unit = text(row, "unit", "unit", false);
        int sample = whole(row, "sample_size", "sampleSize");
        String source = text(row, "source", "source", true);
        String asOf = text(row, "as_of", "asOf", true);
        LocalDate date;
        try {
            date = LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new BadTable(row.where() + ": field \"as_of\": expected a date as yyyy-MM-dd, found \"" + asOf + "\"");
        }
        return new Benchmark(type, band, region, term, p25, median, p75, unit, sample, PROVIDER_ID, source, date);
    }

    private static ServiceType serviceType(Fields row) throws BadTable {
        String value = text(row, "service_type", "serviceType", true);
        try {
            return ServiceType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadTable(row.where() + ": field \"service_type\": expected one of " + List.of(ServiceType.values()) + ", found \""
                    + value + "\"");
        }
    }

    private static String text(Fields row, String csvName, String jsonName, boolean required) throws BadTable {
        String value = row.get(csvName, jsonName);
        if (value == null || value.isBlank()) {
            if (required) {
                throw new BadTable(row.where() + ": field \"" + csvName + "\": expected a value, found nothing");
            }
            return null;
        }
        return value.strip();
    }

    private static BigDecimal decimal(Fields row, String csvName, String jsonName, boolean required) throws BadTable {
        String value = text(row, csvName, jsonName, required);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.signum() < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new BadTable(row.where() + ": field \"" + csvName + "\": expected a number of 0 or more such as 450.00, found \""
                    + value + "\"");
        }
    }

    private static int whole(Fields row, String csvName, String jsonName) throws BadTable {
        String value = text(row, csvName, jsonName, true);
        try {
            int number = Integer.parseInt(value);
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new BadTable(row.where() + ": field \"" + csvName + "\": expected a whole number of 0 or more, found \"" + value + "\"");
        }
    }
}
