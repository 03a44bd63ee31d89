package org.bridgeline.parser.layout.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ServiceType;

/** Reads a layout profile (JSON) and checks it, naming the file and the field of every mistake. */
final class ProfileReader {

    private ProfileReader() {
    }

    static LayoutProfile read(InputStream in, String source) throws ProfileException {
        JsonElement json;
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            json = JsonParser.parseReader(reader);
        } catch (IOException | JsonParseException e) {
            throw new ProfileException(source + ": not valid JSON: " + rootMessage(e));
        }
        if (!json.isJsonObject()) {
            throw new ProfileException(source + ": expected a JSON object");
        }
        return new ProfileReader.Context(source).profile(json.getAsJsonObject());
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private record Context(String source) {

        LayoutProfile profile(JsonObject root) throws ProfileException {
            String id = string(root, "id", true);
            if (!id.matches("[a-z0-9][a-z0-9.-]*")) {
                throw error("id", "lower-case letters, digits, dots and dashes", id);
            }
            JsonObject detect = object(root, "detect", true);
            JsonObject text = object(root, "text", true);
            JsonObject numbers = object(root, "numbers", false);
            JsonObject dates = object(root, "dates", false);
            Locale locale = Locale.forLanguageTag(dates == null || !dates.has("locale") ? "en" : string(dates, "locale", true));
            JsonArray lines = root.has("lines") && root.get("lines").isJsonArray() ? root.getAsJsonArray("lines") : null;
            if (lines == null || lines.isEmpty()) {
                throw error("lines", "an array of at least one line mapping", root.get("lines") == null ? "nothing" : root.get("lines").toString());
            }
            List<LayoutProfile.LineMapping> mappings = lines(lines, "lines", locale);
            LayoutProfile.Text layout = text(text);
            LayoutProfile.Report report = report(root, locale);
            if (!report.preamble().isEmpty() && layout.headerAt() == null) {
                throw error("text.headerAt", "a regular expression for the header row (a profile with a preamble finds its header by it)",
                        "nothing");
            }
            for (int i = 0; i < report.footerLines().size(); i++) {
                for (Template template : report.footerLines().get(i).templates()) {
                    for (String name : template.columns()) {
                        if (!report.isField(name)) {
                            throw error("footer.lines[" + i + "]", "templates of footer or preamble fields " + report.footer().keySet(),
                                    "{" + name + "}");
                        }
                    }
                }
            }
            return new LayoutProfile(id, string(root, "carrier", true), string(root, "format", true),
                    root.has("version") ? string(root, "version", true) : "1", source,
                    new LayoutProfile.Detect(pattern(detect, "fileName", false), pattern(detect, "header", true),
                            detect.has("withinLines") ? integer(detect, "withinLines", 1) : 1),
                    layout, numbers(numbers), invoice(object(root, "invoice", true), locale), mappings, report);
        }

        private List<LayoutProfile.LineMapping> lines(JsonArray lines, String where, Locale locale) throws ProfileException {
            List<LayoutProfile.LineMapping> mappings = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isJsonObject()) {
                    throw error(where + "[" + i + "]", "an object", lines.get(i).toString());
                }
                mappings.add(line(lines.get(i).getAsJsonObject(), where + "[" + i + "]", locale));
            }
            return mappings;
        }

        private LayoutProfile.Report report(JsonObject root, Locale locale) throws ProfileException {
            JsonObject footer = object(root, "footer", false);
            Map<String, List<String>> preamble = labels(root, "preamble");
            Map<String, List<String>> footerFields = footer == null ? Map.of() : labels(footer, "fields");
            for (String name : footerFields.keySet()) {
                if (preamble.containsKey(name)) {
                    throw error("footer.fields." + name, "a name not used by the preamble", name);
                }
            }
            List<LayoutProfile.LineMapping> footerLines = List.of();
            if (footer != null && footer.has("lines")) {
                if (!footer.get("lines").isJsonArray()) {
                    throw error("footer.lines", "an array of line mappings", footer.get("lines").toString());
                }
                footerLines = lines(footer.getAsJsonArray("lines"), "footer.lines", locale);
            }
            List<LayoutProfile.When> skipRows = new ArrayList<>();
            if (root.has("skipRows")) {
                if (!root.get("skipRows").isJsonArray()) {
                    throw error("skipRows", "an array of conditions such as { \"column\": \"#0\", \"matches\": \"(?i)subtotal.*\" }",
                            root.get("skipRows").toString());
                }
                for (JsonElement condition : root.getAsJsonArray("skipRows")) {
                    if (!condition.isJsonObject()) {
                        throw error("skipRows", "conditions as objects", condition.toString());
                    }
                    skipRows.add(when(condition.getAsJsonObject()));
                }
            }
            Map<String, java.util.Set<String>> noValue = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> tokens : labels(root, "noValue").entrySet()) {
                noValue.put(tokens.getKey(), java.util.Set.copyOf(tokens.getValue()));
            }
            return new LayoutProfile.Report(preamble, footerFields, footerLines, skipRows, noValue);
        }

        /** An object of names to one text or an array of texts: labels of fields, or no-value tokens of columns. */
        private Map<String, List<String>> labels(JsonObject object, String field) throws ProfileException {
            JsonObject names = object(object, field, false);
            Map<String, List<String>> labels = new LinkedHashMap<>();
            if (names == null) {
                return labels;
            }
            for (Map.Entry<String, JsonElement> entry : names.entrySet()) {
                List<String> texts = new ArrayList<>();
                if (entry.getValue().isJsonPrimitive()) {
                    texts.add(entry.getValue().getAsString());
                } else if (entry.getValue().isJsonArray()) {
                    for (JsonElement text : entry.getValue().getAsJsonArray()) {
                        if (!text.isJsonPrimitive()) {
                            throw error(field + "." + entry.getKey(), "texts", entry.getValue().toString());
                        }
                        texts.add(text.getAsString());
                    }
                }
                if (texts.isEmpty()) {
                    throw error(field + "." + entry.getKey(), "a text or an array of texts", entry.getValue().toString());
                }
                labels.put(entry.getKey(), texts);
            }
            return labels;
        }

        private LayoutProfile.When when(JsonObject condition) throws ProfileException {
            String column = string(condition, "column", true);
            if (column.startsWith("#") && !column.matches("#\\d{1,4}")) {
                throw error("column", "a column name, or # and a 0-based index such as #3", column);
            }
            return new LayoutProfile.When(column,
                    condition.has("equals") ? string(condition, "equals", true) : null,
                    condition.has("equals") ? null : pattern(condition, "matches", true));
        }

        private LayoutProfile.Text text(JsonObject text) throws ProfileException {
            Charset encoding;
            String encodingName = text.has("encoding") ? string(text, "encoding", true) : "UTF-8";
            try {
                encoding = Charset.forName(encodingName);
            } catch (RuntimeException e) {
                throw error("text.encoding", "a character set name such as UTF-8 or ISO-8859-1", encodingName);
            }
            String delimiter = text.has("delimiter") ? string(text, "delimiter", true) : ",";
            if (delimiter.length() != 1) {
                throw error("text.delimiter", "one character", delimiter);
            }
            String quote = text.has("quote") ? string(text, "quote", true) : "\"";
            List<LayoutProfile.FixedColumn> fixed = new ArrayList<>();
            if (text.has("fixedWidths")) {
                JsonArray columns = text.getAsJsonArray("fixedWidths");
                for (int i = 0; i < columns.size(); i++) {
                    JsonObject column = columns.get(i).getAsJsonObject();
                    fixed.add(new LayoutProfile.FixedColumn(string(column, "name", true), integer(column, "start", 1),
                            integer(column, "length", 1)));
                }
            }
            return new LayoutProfile.Text(encoding, delimiter.charAt(0), quote.isEmpty() ? null : quote.charAt(0),
                    pattern(text, "headerAt", false), text.has("headerRows") ? integer(text, "headerRows", 0) : 1, fixed);
        }

        private NumberFormatSpec numbers(JsonObject numbers) throws ProfileException {
            if (numbers == null) {
                return NumberFormatSpec.PLAIN;
            }
            String decimal = numbers.has("decimalSeparator") ? string(numbers, "decimalSeparator", true) : ".";
            if (decimal.length() != 1) {
                throw error("numbers.decimalSeparator", "one character", decimal);
            }
            List<String> symbols = new ArrayList<>();
            if (numbers.has("currencySymbols")) {
                numbers.getAsJsonArray("currencySymbols").forEach(symbol -> symbols.add(symbol.getAsString()));
            }
            return new NumberFormatSpec(decimal.charAt(0),
                    numbers.has("groupingSeparator") ? string(numbers, "groupingSeparator", true) : "", symbols,
                    !numbers.has("parenthesesNegative") || numbers.get("parenthesesNegative").getAsBoolean(),
                    numbers.has("impliedDecimals") ? integer(numbers, "impliedDecimals", 0) : 0);
        }

        private LayoutProfile.InvoiceMapping invoice(JsonObject invoice, Locale locale) throws ProfileException {
            JsonObject period = object(invoice, "period", false);
            return new LayoutProfile.InvoiceMapping(template(invoice, "carrier", true), template(invoice, "account", true),
                    template(invoice, "number", true), date(invoice, "date", true, locale), template(invoice, "currency", true),
                    template(invoice, "statedTotal", false), period == null ? null : date(period, "start", true, locale),
                    period == null ? null : date(period, "end", true, locale));
        }

        private LayoutProfile.LineMapping line(JsonObject line, String where, Locale locale) throws ProfileException {
            String categoryName = string(line, "category", true);
            ChargeCategory category;
            try {
                category = ChargeCategory.valueOf(categoryName);
            } catch (IllegalArgumentException e) {
                throw error(where + ".category", "one of " + List.of(ChargeCategory.values()), categoryName);
            }
            // a service type is a constant, checked here, or a column whose cells name one, checked per row
            Template serviceType = template(line, "serviceType", false);
            if (serviceType != null && serviceType.columns().isEmpty()) {
                String name = string(line, "serviceType", true);
                try {
                    ServiceType.valueOf(name);
                } catch (IllegalArgumentException e) {
                    throw error(where + ".serviceType", "one of " + List.of(ServiceType.values()) + " or a {column} naming one", name);
                }
            }
            LayoutProfile.When when = null;
            if (line.has("when")) {
                when = when(object(line, "when", true));
            }
            JsonObject usage = object(line, "usage", false);
            JsonObject period = object(line, "chargePeriod", false);
            return new LayoutProfile.LineMapping(line.has("name") ? string(line, "name", true) : categoryName.toLowerCase(), when,
                    category, template(line, "amount", true), line.has("skipZero") && line.get("skipZero").getAsBoolean(),
                    template(line, "serviceId", false), template(line, "site", false), serviceType,
                    template(line, "chargeCode", false), template(line, "description", false), template(line, "quantity", false),
                    template(line, "unit", false), template(line, "unitPrice", false),
                    usage == null ? null : template(usage, "quantity", true), usage == null ? null : template(usage, "unit", true),
                    usage != null && usage.has("duration") && usage.get("duration").getAsBoolean(),
                    period == null ? null : date(period, "start", true, locale), period == null ? null : date(period, "end", false, locale),
                    template(line, "taxType", false), template(line, "taxJurisdiction", false), template(line, "destination", false),
                    template(line, "bandwidthMbps", false));
        }

        private LayoutProfile.DateSpec date(JsonObject object, String field, boolean required, Locale locale) throws ProfileException {
            JsonObject date = object(object, field, required);
            if (date == null) {
                return null;
            }
            String pattern = string(date, "format", true);
            Integer defaultYear = date.has("defaultYear") ? integer(date, "defaultYear", 1900) : null;
            DateTimeFormatter formatter;
            try {
                DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern);
                if (defaultYear != null) {
                    builder.parseDefaulting(ChronoField.YEAR, defaultYear);
                }
                formatter = builder.toFormatter(locale);
            } catch (IllegalArgumentException e) {
                throw error(field + ".format", "a date pattern such as MM/dd/yyyy", pattern);
            }
            return new LayoutProfile.DateSpec(template(date, "value", true), pattern, formatter, defaultYear);
        }

        private Template template(JsonObject object, String field, boolean required) throws ProfileException {
            String value = string(object, field, required);
            if (value == null) {
                return null;
            }
            try {
                return Template.of(value);
            } catch (ProfileException e) {
                throw new ProfileException(source + ": field \"" + field + "\": " + e.getMessage());
            }
        }

        private Pattern pattern(JsonObject object, String field, boolean required) throws ProfileException {
            String value = string(object, field, required);
            try {
                return value == null ? null : Pattern.compile(value);
            } catch (PatternSyntaxException e) {
                throw error(field, "a regular expression", value);
            }
        }

        private JsonObject object(JsonObject object, String field, boolean required) throws ProfileException {
            JsonElement value = object.get(field);
            if (value == null && !required) {
                return null;
            }
            if (value == null || !value.isJsonObject()) {
                throw error(field, "an object", value == null ? "nothing" : value.toString());
            }
            return value.getAsJsonObject();
        }

        private String string(JsonObject object, String field, boolean required) throws ProfileException {
            JsonElement value = object.get(field);
            if (value == null && !required) {
                return null;
            }
            if (value == null || !value.isJsonPrimitive()) {
                throw error(field, "a string", value == null ? "nothing" : value.toString());
            }
            return value.getAsString();
        }

        private int integer(JsonObject object, String field, int minimum) throws ProfileException {
            JsonElement value = object.get(field);
            try {
                int number = value.getAsInt();
                if (number < minimum) {
                    throw error(field, "a whole number of at least " + minimum, value.toString());
                }
                return number;
            } catch (RuntimeException e) {
                throw error(field, "a whole number", value == null ? "nothing" : value.toString());
            }
        }

        private ProfileException error(String field, String expected, String found) {
            return new ProfileException(source + ": field \"" + field + "\": expected " + expected + ", found " + found);
        }
    }
}
