package org.bridgeline.parser.layout.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.api.model.SourcePosition;
import org.bridgeline.api.parser.ParseProblem;
import org.bridgeline.api.parser.ParseSink;

/**
 * One file's invoices as a profile maps them: consecutive rows with the same account and invoice number form an
 * invoice, each row makes the lines its profile maps, and a report's preamble and footer fields add invoice facts, a
 * stated total and account-level lines. A row whose values do not read as the profile says is reported whole and none
 * of its lines is emitted.
 */
final class InvoiceReading {

    /** A footer field's text and the row it stands in. */
    private record FooterValue(String text, SourcePosition position) {
    }

    private final LayoutProfile profile;
    private final String fileName;
    private final ParseSink sink;
    /** {@code file} and the preamble's fields: what templates read besides the row. */
    private final Map<String, String> context = new HashMap<>();
    private final Map<LayoutProfile.DateSpec, LastDate> lastDates = new IdentityHashMap<>();
    private final Map<String, FooterValue> footer = new LinkedHashMap<>();
    /** The stated total is in the footer: it is known only when the invoice ends. */
    private final boolean totalInFooter;
    private InvoiceHeader header;
    private Money statedTotal;
    private boolean columnsMissing;

    InvoiceReading(LayoutProfile profile, String fileName, ParseSink sink) {
        this.profile = profile;
        this.fileName = fileName;
        this.sink = sink;
        int dot = fileName.lastIndexOf('.');
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('!'));
        context.put("file", fileName.substring(slash + 1, dot > slash ? dot : fileName.length()));
        Template total = profile.invoice().statedTotal();
        totalInFooter = total != null && total.columns().stream().anyMatch(profile.report().footer()::containsKey);
    }

    String fileName() {
        return fileName;
    }

    boolean cancelled() {
        return sink.cancelled();
    }

    void problem(ParseProblem problem) {
        sink.problem(problem);
    }

    void warning(ParseProblem problem) {
        sink.warning(problem);
    }

    void preamble(String name, String value) {
        context.put(name, value);
    }

    void footer(String name, String value, SourcePosition position) {
        footer.put(name, new FooterValue(value, position));
    }

    /**
     * Every column the profile names must be in the file's header: a renamed column is a changed layout. Returns the
     * number of cells a data row needs to hold every column the profile reads.
     */
    int columns(Map<String, Integer> names, SourcePosition position) {
        List<String> missing = new ArrayList<>();
        int cells = 0;
        for (String column : referencedColumns()) {
            if (column.startsWith("#")) {
                cells = Math.max(cells, Integer.parseInt(column.substring(1)) + 1);
            } else if (names.containsKey(column)) {
                cells = Math.max(cells, names.get(column) + 1);
            } else if (!profile.report().isField(column) && !missing.contains(column)) {
                missing.add(column);
            }
        }
        columnsMissing = !missing.isEmpty();
        if (columnsMissing) {
            sink.problem(new ParseProblem(position, "header", "the columns " + missing + " of layout " + profile.id(),
                    String.join(", ", names.keySet().stream().sorted().toList()), true));
        }
        return cells;
    }

    private List<String> referencedColumns() {
        List<String> columns = new ArrayList<>();
        LayoutProfile.InvoiceMapping invoice = profile.invoice();
        for (Template template : new Template[] {invoice.carrier(), invoice.account(), invoice.number(), invoice.currency(),
                invoice.statedTotal(), invoice.date().value(), invoice.periodStart() == null ? null : invoice.periodStart().value(),
                invoice.periodEnd() == null ? null : invoice.periodEnd().value()}) {
            if (template != null) {
                columns.addAll(template.columns());
            }
        }
        for (LayoutProfile.LineMapping line : profile.lines()) {
            line.templates().forEach(template -> columns.addAll(template.columns()));
            if (line.when() != null) {
                columns.add(line.when().column());
            }
        }
        profile.report().skipRows().forEach(skip -> columns.add(skip.column()));
        return columns;
    }

    void row(Row row) {
        if (columnsMissing) {
            return;
        }
        try {
            open(row);
            List<ChargeLine> lines = new ArrayList<>();
            boolean taken = false;
            for (LayoutProfile.LineMapping mapping : profile.lines()) {
                if (mapping.when() == null || mapping.when().test(row)) {
                    taken = true;
                    ChargeLine line = line(mapping, row);
                    if (line != null) {
                        lines.add(line);
                    }
                }
            }
            if (!taken) {
                // not an error (a layout may leave rows out on purpose), but never silent: the import report lists it
                sink.warning(ParseProblem.of(row.position(), null, "a row one of the layout's line mappings takes ("
                        + profile.lines().stream().map(mapping -> mapping.when().toString()).reduce((a, b) -> a + "; " + b).orElse("")
                        + ")", Sections.shorten(String.join(" | ", row.cells()))));
            }
            lines.forEach(sink::line);
        } catch (BadValue e) {
            sink.problem(e.problem);
        }
    }

    /** Starts the row's invoice unless it is the open one. */
    private void open(Row row) throws BadValue {
        String account = required(profile.invoice().account(), row, "account");
        String number = required(profile.invoice().number(), row, "invoice number");
        if (header != null && header.account().equals(account) && header.number().equals(number)) {
            return;
        }
        close(row.position(), "invoice " + number + " of account " + account + " starting");
        LayoutProfile.InvoiceMapping invoice = profile.invoice();
        String currencyCode = required(invoice.currency(), row, "currency");
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException e) {
            throw new BadValue(problem(row, "currency", "an ISO 4217 currency code such as USD", currencyCode));
        }
        Period billed = null;
        if (invoice.periodStart() != null) {
            LocalDate start = date(invoice.periodStart(), row, null, "billing period start");
            LocalDate end = date(invoice.periodEnd(), row, null, "billing period end");
            if (end.isBefore(start)) {
                throw new BadValue(problem(row, "billing period end", "a date on or after " + start, end.toString()));
            }
            billed = Period.of(start, end);
        }
        InvoiceHeader next = new InvoiceHeader(required(invoice.carrier(), row, "carrier"), account, null,
                number, date(invoice.date(), row, null, "invoice date"), billed, currency, row.position());
        statedTotal = invoice.statedTotal() == null || totalInFooter ? null
                : new Money(number(invoice.statedTotal(), row, null, "stated total"), currency);
        header = next;
        sink.startInvoice(header);
    }

    /**
     * Where a section or the file ends: a footer with charges and no table rows is an invoice of its own, then the open
     * invoice ends.
     *
     * @param where the row that ends it, or the file's last
     * @param what  what ends it, for the message when the footer's total is missing
     */
    void end(SourcePosition where, String what) {
        if (header == null && !footer.isEmpty() && !columnsMissing) {
            try {
                open(footerRow(footer.values().iterator().next().position()));
            } catch (BadValue e) {
                sink.problem(e.problem);
            }
        }
        close(where, what);
        footer.clear();
    }

    /** Ends the open invoice, if any: its footer lines are emitted and its stated total read from the footer. */
    private void close(SourcePosition where, String what) {
        if (header == null) {
            return;
        }
        try {
            for (LayoutProfile.LineMapping mapping : profile.report().footerLines()) {
                Row row = footerRow(positionOf(mapping.amount()));
                if (mapping.when() == null || mapping.when().test(row)) {
                    ChargeLine line = line(mapping, row);
                    if (line != null) {
                        sink.line(line);
                    }
                }
            }
            if (totalInFooter) {
                Row row = footerRow(positionOf(profile.invoice().statedTotal()));
                BigDecimal total = number(profile.invoice().statedTotal(), row, null, "stated total");
                if (total == null) {
                    sink.problem(ParseProblem.of(where, "stated total", "a footer row labelled " + labelsOf(profile.invoice().statedTotal())
                            + " before the invoice ends", what));
                }
                statedTotal = total == null ? null : new Money(total, header.currency());
            }
        } catch (BadValue e) {
            sink.problem(e.problem);
        } finally {
            sink.endInvoice(statedTotal);
            header = null;
            statedTotal = null;
        }
    }

    /** The footer's fields as a row of their own, placed where {@code position} says. */
    private Row footerRow(SourcePosition position) {
        List<String> cells = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        footer.forEach((name, value) -> {
            names.put(name, cells.size());
            cells.add(value.text());
        });
        return new Row(cells, names, Map.of(), position);
    }

    /** Where the first footer field a template reads stands; the file when it has none. */
    private SourcePosition positionOf(Template template) {
        for (String name : template.columns()) {
            FooterValue value = footer.get(name);
            if (value != null) {
                return value.position();
            }
        }
        return footer.isEmpty() ? SourcePosition.ofFile(fileName) : footer.values().iterator().next().position();
    }

    private String labelsOf(Template template) {
        List<String> labels = new ArrayList<>();
        template.columns().forEach(name -> labels.addAll(profile.report().footer().getOrDefault(name, List.of())));
        return labels.stream().map(label -> "\"" + label + "\"").reduce((a, b) -> a + " or " + b).orElse(template.toString());
    }

    private ChargeLine line(LayoutProfile.LineMapping mapping, Row row) throws BadValue {
        BigDecimal amount = number(mapping.amount(), row, mapping.name(), "amount");
        if (amount == null && mapping.skipZero()) {
            return null; // an empty charge column is no charge
        }
        if (amount == null) {
            throw new BadValue(problem(row, field(mapping.name(), "amount"), "an amount in " + mapping.amount(), ""));
        }
        if (mapping.skipZero() && amount.signum() == 0) {
            return null;
        }
        Currency currency = header.currency();
        BigDecimal unitPrice = number(mapping.unitPrice(), row, mapping.name(), "unit price");
        BigDecimal usage = mapping.usageQuantity() == null ? null
                : mapping.usageIsDuration() ? duration(mapping.usageQuantity(), row, mapping.name(), "duration")
                : number(mapping.usageQuantity(), row, mapping.name(), "usage");
        LocalDate start = mapping.chargeStart() == null ? null : date(mapping.chargeStart(), row, mapping.name(), "period start");
        LocalDate end = mapping.chargeEnd() == null ? start : date(mapping.chargeEnd(), row, mapping.name(), "period end");
        return ChargeLine.builder().invoice(header)
                .serviceId(text(mapping.serviceId(), row)).site(text(mapping.site(), row))
                .serviceType(serviceType(mapping, row)).category(mapping.category())
                .chargeCode(text(mapping.chargeCode(), row)).description(text(mapping.description(), row))
                .quantity(number(mapping.quantity(), row, mapping.name(), "quantity")).unit(text(mapping.unit(), row))
                .unitPrice(unitPrice == null ? null : new Money(unitPrice, currency))
                .amount(new Money(amount, currency))
                .chargePeriod(start == null ? null : Period.of(start, end == null || end.isBefore(start) ? start : end))
                .usage(usage, usage == null ? null : text(mapping.usageUnit(), row))
                .tax(text(mapping.taxType(), row), text(mapping.taxJurisdiction(), row)).destination(text(mapping.destination(), row))
                .bandwidthMbps(number(mapping.bandwidthMbps(), row, mapping.name(), "bandwidth"))
                .source(row.position())
                .build();
    }

    private ServiceType serviceType(LayoutProfile.LineMapping mapping, Row row) throws BadValue {
        String name = text(mapping.serviceType(), row);
        if (name == null) {
            return ServiceType.OTHER;
        }
        try {
            return ServiceType.valueOf(name.toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new BadValue(problem(row, mapping.name() + " service type", "one of " + List.of(ServiceType.values()), name));
        }
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

    /** The field's name in a message: a line mapping's fields are named after the mapping ({@code owner}), the invoice's not. */
    private static String field(String owner, String what) {
        return owner == null ? what : owner + " " + what;
    }

    private BigDecimal number(Template template, Row row, String owner, String what) throws BadValue {
        String value = text(template, row);
        if (value == null) {
            return null;
        }
        try {
            return profile.numbers().parse(value);
        } catch (NumberFormatException e) {
            throw new BadValue(problem(row, field(owner, what), profile.numbers().example(), value));
        }
    }

    private BigDecimal duration(Template template, Row row, String owner, String what) throws BadValue {
        String value = text(template, row);
        if (value == null) {
            return null;
        }
        String[] parts = value.split(":");
        try {
            if (parts.length > 3 || value.length() > 20) {
                throw new NumberFormatException(value);
            }
            long seconds = 0;
            for (String part : parts) {
                seconds = seconds * 60 + Long.parseLong(part.strip());
            }
            return BigDecimal.valueOf(seconds);
        } catch (NumberFormatException e) {
            throw new BadValue(problem(row, field(owner, what), "a duration as h:mm:ss, m:ss or seconds", value));
        }
    }

    private LocalDate date(LayoutProfile.DateSpec spec, Row row, String owner, String what) throws BadValue {
        String value = text(spec.value(), row);
        if (value == null) {
            throw new BadValue(problem(row, field(owner, what), "a date from " + spec.value(), ""));
        }
        // a bill repeats its few dates on every line: the last text read for this field is read once
        LastDate last = lastDates.computeIfAbsent(spec, any -> new LastDate());
        if (value.equals(last.text)) {
            return last.date;
        }
        try {
            LocalDate date = LocalDate.parse(value, spec.format());
            last.text = value;
            last.date = date;
            return date;
        } catch (DateTimeParseException e) {
            throw new BadValue(problem(row, field(owner, what), "a date as " + spec.pattern() + " (layout " + profile.id() + ")",
                    value));
        }
    }

    private static ParseProblem problem(Row row, String field, String expected, String found) {
        return ParseProblem.of(row.position(), field, expected, Sections.shorten(found));
    }

    /** The column names' no-value tokens, for the rows of this file. */
    Map<String, Set<String>> noValue() {
        return profile.report().noValue();
    }

    /** The last text a date field had in this file, and the date it reads as. */
    private static final class LastDate {
        String text;
        LocalDate date;
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
