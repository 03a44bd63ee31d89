package org.bridgeline.parser.layout.internal;

import java.nio.charset.Charset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ServiceType;

/** A carrier layout as its profile describes it. See {@code layouts/README.md} for the format. */
record LayoutProfile(
        String id,
        String carrier,
        String format,
        String version,
        String source,
        Detect detect,
        Text text,
        NumberFormatSpec numbers,
        InvoiceMapping invoice,
        List<LineMapping> lines,
        Report report) {

    /** How to recognise the layout: a file name pattern and a pattern one of the first {@code withinLines} lines matches. */
    record Detect(Pattern fileName, Pattern header, int withinLines) {
    }

    /**
     * What a report-style export holds around its table.
     *
     * @param preamble    invoice facts in labelled cells above the header: name to the labels it may have
     * @param footer      totals in labelled rows below the table: name to the labels it may have
     * @param footerLines charge lines made once per invoice from the footer's fields
     * @param skipRows    rows of the table that are not charges (subtotals, section titles)
     * @param noValue     per column name ({@code *} for every column) the cell texts that mean no value
     */
    record Report(Map<String, List<String>> preamble, Map<String, List<String>> footer, List<LineMapping> footerLines,
            List<When> skipRows, Map<String, Set<String>> noValue) {

        static final Report NONE = new Report(Map.of(), Map.of(), List.of(), List.of(), Map.of());

        /** A name a template may use that is not a column: a preamble or footer field, or {@code file}. */
        boolean isField(String name) {
            return name.equals("file") || preamble.containsKey(name) || footer.containsKey(name);
        }
    }

    /**
     * How the text is laid out.
     *
     * @param headerAt    where the header starts: the first row whose text matches, or {@code null} for the first row
     * @param headerRows  how many rows the header spans; a column is known by its name in any of them
     * @param fixedWidths column widths for fixed-width files (then {@code delimiter} is unused), or empty
     */
    record Text(Charset encoding, char delimiter, Character quote, Pattern headerAt, int headerRows, List<FixedColumn> fixedWidths) {
    }

    /** One column of a fixed-width layout: its name, 1-based start and length. */
    record FixedColumn(String name, int start, int length) {
    }

    /** A date: where its text comes from and how it is written; a year-less format takes {@code defaultYear}. */
    record DateSpec(Template value, String pattern, DateTimeFormatter format, Integer defaultYear) {
    }

    /** Invoice-level fields, read from the first row of each invoice; rows with the same account and number form one invoice. */
    record InvoiceMapping(Template carrier, Template account, Template number, DateSpec date, Template currency,
            Template statedTotal, DateSpec periodStart, DateSpec periodEnd) {
    }

    /** A condition on a row: the column equals a value or matches a pattern. */
    record When(String column, String equalsValue, Pattern matches) {
        boolean test(Row row) {
            String value = row.get(column);
            if (value == null) {
                return false;
            }
            return equalsValue != null ? equalsValue.equals(value) : matches.matcher(value).matches();
        }

        @Override
        public String toString() {
            return column + (equalsValue != null ? " = \"" + equalsValue + "\"" : " matches " + matches.pattern());
        }
    }

    /** One charge line made from a row (a row may make several). */
    record LineMapping(
            String name,
            When when,
            ChargeCategory category,
            Template amount,
            boolean skipZero,
            Template serviceId,
            Template site,
            Template serviceType,
            Template chargeCode,
            Template description,
            Template quantity,
            Template unit,
            Template unitPrice,
            Template usageQuantity,
            Template usageUnit,
            boolean usageIsDuration,
            DateSpec chargeStart,
            DateSpec chargeEnd,
            Template taxType,
            Template taxJurisdiction,
            Template destination,
            Template bandwidthMbps) {

        /** Every template of the mapping, for the columns they read. */
        List<Template> templates() {
            List<Template> all = new java.util.ArrayList<>();
            for (Template template : new Template[] {amount, serviceId, site, chargeCode, description, quantity, unit, unitPrice,
                    usageQuantity, usageUnit, taxType, taxJurisdiction, destination, bandwidthMbps,
                    chargeStart == null ? null : chargeStart.value(), chargeEnd == null ? null : chargeEnd.value()}) {
                if (template != null) {
                    all.add(template);
                }
            }
            return all;
        }
    }
}
