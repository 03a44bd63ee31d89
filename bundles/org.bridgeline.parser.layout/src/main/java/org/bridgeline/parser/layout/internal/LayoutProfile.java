package org.bridgeline.parser.layout.internal;

import java.nio.charset.Charset;
import java.time.format.DateTimeFormatter;
import java.util.List;
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
        List<LineMapping> lines) {

    /** How to recognise the layout: a file name pattern and a pattern the first header line matches. */
    record Detect(Pattern fileName, Pattern header) {
    }

    /**
     * How the text is laid out.
     *
     * @param fixedWidths column widths for fixed-width files (then {@code delimiter} is unused), or empty
     */
    record Text(Charset encoding, char delimiter, Character quote, int headerRows, List<FixedColumn> fixedWidths) {
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
            ServiceType serviceType,
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
            Template destination) {
    }
}
