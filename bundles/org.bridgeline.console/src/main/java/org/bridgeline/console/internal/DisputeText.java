package org.bridgeline.console.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.bridgeline.console.Arguments;
import org.bridgeline.console.CommandException;
import org.bridgeline.store.DisputeState;

/** What the dispute commands read and print alike. */
final class DisputeText {

    private DisputeText() {
    }

    static long id(String word, String what) {
        try {
            return Long.parseLong(word);
        } catch (NumberFormatException e) {
            throw new CommandException("expected a " + what + " id (a number), found \"" + word + "\"");
        }
    }

    /** A day option: YYYY-MM-DD or {@code today}; null when not given. */
    static LocalDate day(Arguments args, String option) {
        String value = args.option(option);
        if (value == null) {
            return null;
        }
        if (value.equals("today")) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandException("--" + option + " expects a day such as 2026-01-15 or today, found \"" + value + "\"");
        }
    }

    static DisputeState state(String word) {
        try {
            return DisputeState.valueOf(word.strip().toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CommandException("expected a dispute state (" + java.util.Arrays.toString(DisputeState.values()) + "), found \"" + word + "\"");
        }
    }
}
