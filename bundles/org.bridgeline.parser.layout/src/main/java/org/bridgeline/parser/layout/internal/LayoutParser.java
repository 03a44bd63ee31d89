package org.bridgeline.parser.layout.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.SourcePosition;
import org.bridgeline.api.parser.BillingParser;
import org.bridgeline.api.parser.Confidence;
import org.bridgeline.api.parser.FileSample;
import org.bridgeline.api.parser.ParseProblem;
import org.bridgeline.api.parser.ParseSink;
import org.bridgeline.api.parser.ParserInfo;

/**
 * A parser made from a layout profile. Rows are read one at a time; consecutive rows with the
 * same account and invoice number form one invoice; each row makes the lines its profile maps.
 * A row whose values do not read as the profile says is reported whole and none of its lines
 * is emitted.
 */
final class LayoutParser implements BillingParser {

    private final LayoutProfile profile;

    LayoutParser(LayoutProfile profile) {
        this.profile = profile;
    }

    LayoutProfile profile() {
        return profile;
    }

    @Override
    public ParserInfo info() {
        return new ParserInfo(profile.id(), profile.carrier(), profile.format(), profile.version());
    }

    @Override
    public Confidence probe(FileSample sample) {
        String head = sample.headText(profile.text().encoding());
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1);
        }
        String firstLine = head.lines().findFirst().orElse("");
        boolean headerMatches = profile.detect().header().matcher(firstLine).find();
        boolean nameMatches = profile.detect().fileName() == null || profile.detect().fileName().matcher(sample.fileName()).matches();
        if (!headerMatches) {
            return Confidence.none("first line does not match the " + profile.format() + " header");
        }
        return nameMatches ? new Confidence(90, "first line matches the " + profile.format() + " header")
                : new Confidence(70, "first line matches the " + profile.format() + " header, the file name does not");
    }

    @Override
    public void parse(String fileName, InputStream input, ParseSink sink) throws IOException {
        Reader reader = new InputStreamReader(input, profile.text().encoding());
        Reading reading = new Reading(fileName, sink);
        try {
            if (profile.text().fixedWidths().isEmpty()) {
                readDelimited(reader, fileName, reading);
            } else {
                readFixedWidths(reader, fileName, reading);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (IllegalStateException e) {
            sink.problem(new ParseProblem(SourcePosition.ofFile(fileName), null, "well-formed delimited text",
                    e.getMessage(), true));
        }
        reading.end();
    }

    private void readDelimited(Reader reader, String fileName, Reading reading) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(profile.text().delimiter()).setQuote(profile.text().quote())
                .setIgnoreEmptyLines(true).setTrim(false).get();
        try (CSVParser csv = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Map<String, Integer> columns = new HashMap<>();
            long line = 1;
            for (CSVRecord record : csv) {
                if (reading.sink.cancelled()) {
                    return;
                }
                SourcePosition position = SourcePosition.of(fileName, record.getRecordNumber(), line);
                line = csv.getCurrentLineNumber() + 1;
                List<String> cells = record.toList();
                if (record.getRecordNumber() <= profile.text().headerRows()) {
                    if (record.getRecordNumber() == profile.text().headerRows()) {
                        columns = names(cells);
                        reading.checkColumns(columns.keySet(), position);
                    }
                    continue;
                }
                if (cells.stream().allMatch(cell -> cell.isBlank())) {
                    continue;
                }
                reading.row(new Row(cells, columns, position));
            }
        }
    }

    private void readFixedWidths(Reader reader, String fileName, Reading reading) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        Map<String, Integer> columns = new HashMap<>();
        List<LayoutProfile.FixedColumn> layout = profile.text().fixedWidths();
        for (int i = 0; i < layout.size(); i++) {
            columns.put(layout.get(i).name(), i);
        }
        long number = 0;
        long record = 0;
        for (String text = lines.readLine(); text != null; text = lines.readLine()) {
            number++;
            if (number <= profile.text().headerRows() || text.isBlank()) {
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (LayoutProfile.FixedColumn column : layout) {
                int start = Math.min(column.start() - 1, text.length());
                cells.add(text.substring(start, Math.min(start + column.length(), text.length())));
            }
            reading.row(new Row(cells, columns, SourcePosition.of(fileName, ++record, number)));
        }
    }

    private static Map<String, Integer> names(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            columns.putIfAbsent(name, i);
        }
        return columns;
    }

    /** One file's reading: the open invoice and its stated total. */
    private final class Reading {
        private final String fileName;
        private final ParseSink sink;
        private final Map<String, String> context = new HashMap<>();
        private InvoiceHeader header;
        private Money statedTotal;
        private boolean columnsMissing;

        Reading(String fileName, ParseSink sink) {
            this.fileName = fileName;
            this.sink = sink;
            int dot = fileName.lastIndexOf('.');
            int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('!'));
            context.put("file", fileName.substring(slash + 1, dot > slash ? dot : fileName.length()));
        }

        /** Every column the profile names must be in the file's header: a renamed column is a changed layout. */
        void checkColumns(java.util.Set<String> names, SourcePosition position) {
            List<String> missing = new ArrayList<>();
            for (String column : referencedColumns()) {
                if (!column.startsWith("#") && !column.equals("file") && !names.contains(column)) {
                    missing.add(column);
                }
            }
            if (!missing.isEmpty()) {
                columnsMissing = true;
                sink.problem(new ParseProblem(position, "header", "the columns " + missing + " of layout " + profile.id(),
                        String.join(", ", names.stream().sorted().toList()), true));
            }
        }

        private List<String> referencedColumns() {
            List<String> columns = new ArrayList<>();
            LayoutProfile.InvoiceMapping invoice = profile.invoice();
            for (Template template : new Template[] {invoice.carrier(), invoice.account(), invoice.number(), invoice.currency(),
                    invoice.statedTotal(), invoice.date().value()}) {
                if (template != null) {
                    columns.addAll(template.columns());
                }
            }
            for (LayoutProfile.LineMapping line : profile.lines()) {
                for (Template template : new Template[] {line.amount(), line.serviceId(), line.site(), line.chargeCode(),
                        line.description(), line.quantity(), line.unit(), line.unitPrice(), line.usageQuantity(), line.usageUnit(),
                        line.taxType(), line.taxJurisdiction(), line.destination(), line.chargeStart() == null ? null : line.chargeStart().value(),
                        line.chargeEnd() == null ? null : line.chargeEnd().value()}) {
                    if (template != null) {
                        columns.addAll(template.columns());
                    }
                }
                if (line.when() != null) {
                    columns.add(line.when().column());
                }
            }
            return columns;
        }

        void row(Row row) {
            if (columnsMissing) {
                return;
            }
            try {
                String account = required(profile.invoice().account(), row, "account");
                String number = required(profile.invoice().number(), row, "invoice number");
                if (header == null || !header.account().equals(account) || !header.number().equals(number)) {
                    end();
                    String currencyCode = required(profile.invoice().currency(), row, "currency");
                    Currency currency;
                    try {
                        currency = Currency.getInstance(currencyCode);
                    } catch (IllegalArgumentException e) {
                        throw new BadValue(problem(row, "currency", "an ISO 4217 currency code such as USD", currencyCode));
                    }
                    LayoutProfile.InvoiceMapping invoice = profile.invoice();
                    Period billed = null;
                    if (invoice.periodStart() != null) {
                        LocalDate start = date(invoice.periodStart(), row, "billing period start");
                        LocalDate end = date(invoice.periodEnd(), row, "billing period end");
                        if (end.isBefore(start)) {
                            throw new BadValue(problem(row, "billing period end", "a date on or after " + start, end.toString()));
                        }
                        billed = Period.of(start, end);
                    }
                    InvoiceHeader next = new InvoiceHeader(required(invoice.carrier(), row, "carrier"), account, null,
                            number, date(invoice.date(), row, "invoice date"), billed, currency, row.position());
                    statedTotal = profile.invoice().statedTotal() == null ? null
                            : new Money(number(profile.invoice().statedTotal(), row, "stated total"), currency);
                    header = next;
                    sink.startInvoice(header);
                }
                List<ChargeLine> lines = new ArrayList<>();
                for (LayoutProfile.LineMapping mapping : profile.lines()) {
                    if (mapping.when() == null || mapping.when().test(row)) {
                        ChargeLine line = line(mapping, row);
                        if (line != null) {
                            lines.add(line);
                        }
                    }
                }
                lines.forEach(sink::line);
            } catch (BadValue e) {
                sink.problem(e.problem);
            }
        }

        private ChargeLine line(LayoutProfile.LineMapping mapping, Row row) throws BadValue {
            String field = mapping.name() + " amount";
            BigDecimal amount = number(mapping.amount(), row, field);
            if (amount == null && mapping.skipZero()) {
                return null; // an empty charge column is no charge
            }
            if (amount == null) {
                throw new BadValue(problem(row, field, "an amount in " + mapping.amount(), ""));
            }
            if (mapping.skipZero() && amount.signum() == 0) {
                return null;
            }
            Currency currency = header.currency();
            BigDecimal unitPrice = number(mapping.unitPrice(), row, mapping.name() + " unit price");
            BigDecimal usage = mapping.usageQuantity() == null ? null
                    : mapping.usageIsDuration() ? duration(mapping.usageQuantity(), row, mapping.name() + " duration")
                    : number(mapping.usageQuantity(), row, mapping.name() + " usage");
            LocalDate start = mapping.chargeStart() == null ? null : date(mapping.chargeStart(), row, mapping.name() + " period start");
            LocalDate end = mapping.chargeEnd() == null ? start : date(mapping.chargeEnd(), row, mapping.name() + " period end");
            return ChargeLine.builder().invoice(header)
                    .serviceId(text(mapping.serviceId(), row)).site(text(mapping.site(), row))
                    .serviceType(mapping.serviceType()).category(mapping.category())
                    .chargeCode(text(mapping.chargeCode(), row)).description(text(mapping.description(), row))
                    .quantity(number(mapping.quantity(), row, mapping.name() + " quantity")).unit(text(mapping.unit(), row))
                    .unitPrice(unitPrice == null ? null : new Money(unitPrice, currency))
                    .amount(new Money(amount, currency))
                    .chargePeriod(start == null ? null : Period.of(start, end == null || end.isBefore(start) ? start : end))
                    .usage(usage, usage == null ? null : text(mapping.usageUnit(), row))
                    .tax(text(mapping.taxType(), row), text(mapping.taxJurisdiction(), row)).destination(text(mapping.destination(), row))
                    .source(row.position())
                    .build();
        }

        private String text(Template template, Row row) {
            return template == null ? null : template.resolve(row, context);
        }

        private String required(Template template, Row row, String field) throws BadValue {
            String value = text(template, row);
            if (value == null) {
                throw new BadValue(problem(row, field, "a value from " + template, ""));
            }
            return value;
        }

        private BigDecimal number(Template template, Row row, String field) throws BadValue {
            String value = text(template, row);
            if (value == null) {
                return null;
            }
            try {
                return profile.numbers().parse(value);
            } catch (NumberFormatException e) {
                throw new BadValue(problem(row, field, profile.numbers().example(), value));
            }
        }

        private BigDecimal duration(Template template, Row row, String field) throws BadValue {
            String value = text(template, row);
            if (value == null) {
                return null;
            }
            String[] parts = value.split(":");
            try {
                long seconds = 0;
                for (String part : parts) {
                    seconds = seconds * 60 + Long.parseLong(part.strip());
                }
                if (parts.length > 3) {
                    throw new NumberFormatException(value);
                }
                return BigDecimal.valueOf(seconds);
            } catch (NumberFormatException e) {
                throw new BadValue(problem(row, field, "a duration as h:mm:ss, m:ss or seconds", value));
            }
        }

        private LocalDate date(LayoutProfile.DateSpec spec, Row row, String field) throws BadValue {
            String value = text(spec.value(), row);
            if (value == null) {
                throw new BadValue(problem(row, field, "a date from " + spec.value(), ""));
            }
            try {
                return LocalDate.parse(value, spec.format());
            } catch (DateTimeParseException e) {
                throw new BadValue(problem(row, field, "a date as " + spec.pattern() + " (layout " + profile.id() + ")", value));
            }
        }

        private ParseProblem problem(Row row, String field, String expected, String found) {
            return ParseProblem.of(row.position(), field, expected, found);
        }

        void end() {
            if (header != null) {
                sink.endInvoice(statedTotal);
                header = null;
                statedTotal = null;
            }
        }
    }

    /** A value that does not read as the profile says. */
    private static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;
        final transient ParseProblem problem;

        BadValue(ParseProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }
}
