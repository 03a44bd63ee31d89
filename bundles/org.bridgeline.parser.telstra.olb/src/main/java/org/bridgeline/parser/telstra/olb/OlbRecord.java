package org.bridgeline.parser.telstra.olb;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apache.commons.csv.CSVRecord;
import org.bridgeline.api.model.SourcePosition;
import org.bridgeline.api.parser.ParseProblem;

/**
 * One OLB record with typed, checked access to its fields by position. A field that does not
 * read as the specification says throws a {@link BadField} naming the field and what it holds.
 */
final class OlbRecord {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** A field that does not read as the specification requires. */
    static final class BadField extends Exception {
        private static final long serialVersionUID = 1L;
        final transient ParseProblem problem;

        BadField(ParseProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }

    private final CSVRecord csv;
    private final SourcePosition position;

    OlbRecord(CSVRecord csv, SourcePosition position) {
        this.csv = csv;
        this.position = position;
    }

    String type() {
        return csv.get(0).strip();
    }

    SourcePosition position() {
        return position;
    }

    int size() {
        return csv.size();
    }

    /** Fails unless the record has at least the fields its type needs. */
    void requireFields(int count) throws BadField {
        if (csv.size() < count) {
            throw new BadField(ParseProblem.of(position, null, "a " + type() + " record of at least " + count + " fields",
                    csv.size() + " fields"));
        }
    }

    String text(int index) {
        String value = index < csv.size() ? csv.get(index).strip() : "";
        return value.isEmpty() ? null : value;
    }

    String required(int index, String field) throws BadField {
        String value = text(index);
        if (value == null) {
            throw new BadField(ParseProblem.of(position, field, "a value", ""));
        }
        return value;
    }

    /** An amount as the file writes it ({@code 0000000003.30}, {@code -0006476.13}): exact. */
    BigDecimal amount(int index, String field) throws BadField {
        String value = required(index, field);
        // no amount has 40 characters; a longer run of digits costs BigDecimal seconds to read (quadratic), so it is refused first
        if (value.length() > 40) {
            throw new BadField(ParseProblem.of(position, field, "a decimal amount such as 0000000003.30",
                    value.substring(0, 20) + "... (" + value.length() + " characters)"));
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new BadField(ParseProblem.of(position, field, "a decimal amount such as 0000000003.30", value));
        }
    }

    LocalDate date(int index, String field) throws BadField {
        String value = required(index, field);
        try {
            return LocalDate.parse(value, DATE);
        } catch (DateTimeParseException e) {
            throw new BadField(ParseProblem.of(position, field, "a date as yyyyMMdd", value));
        }
    }

    LocalDate optionalDate(int index, String field) throws BadField {
        return text(index) == null ? null : date(index, field);
    }
}
