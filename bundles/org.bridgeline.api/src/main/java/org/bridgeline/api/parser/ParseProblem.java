package org.bridgeline.api.parser;

import java.util.Objects;
import org.bridgeline.api.model.SourcePosition;

/**
 * A record the parser could not read as the format requires.
 *
 * <p>It names the position, the field, what the format expects and what the file holds, so an
 * operator can fix the file without reading code: {@code bills.csv record 12 (line 14): field
 * "invoice date": expected a date as yyyyMMdd, found "2024-13-01"}.
 *
 * @param position where the record is
 * @param field    the field concerned, or {@code null} when the whole record is wrong
 * @param expected what the format requires there
 * @param found    what the file holds there (shortened by the parser if very long)
 * @param fatal    {@code true} when the parser cannot go on with the rest of the invoice or file
 */
public record ParseProblem(SourcePosition position, String field, String expected, String found, boolean fatal) {

    public ParseProblem {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(expected, "expected");
    }

    public static ParseProblem of(SourcePosition position, String field, String expected, String found) {
        return new ParseProblem(position, field, expected, found, false);
    }

    /** The one-line message an operator sees. */
    public String message() {
        StringBuilder text = new StringBuilder(position.toString()).append(": ");
        if (field != null) {
            text.append("field \"").append(field).append("\": ");
        }
        text.append("expected ").append(expected);
        if (found != null) {
            text.append(", found \"").append(found).append('"');
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return message();
    }
}
