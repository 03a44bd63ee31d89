package org.bridgeline.api.parser;

import java.util.Objects;

/**
 * How sure a parser is that it can read a file, from 0 (certainly not) to 100 (certainly),
 * and why. Core shows the reason to the operator when no parser fits, so make it specific:
 * {@code "first record is DH with 12 fields"}, not {@code "no"}.
 *
 * <p>Guide: 90 and above when a signature of the format is present (an ISA segment, a header
 * record with its fixed field count); 50 to 89 when the name and shape fit but no signature
 * proves it; below 50 when unsure. Core does not use a parser that answers below
 * {@link #THRESHOLD} unless the operator names it.
 *
 * @param score  0..100
 * @param reason one line: what the parser saw
 */
public record Confidence(int score, String reason) {

    /** The score below which core does not choose a parser on its own. */
    public static final int THRESHOLD = 50;

    public Confidence {
        Objects.requireNonNull(reason, "reason");
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("confidence score is 0..100, found " + score);
        }
    }

    public static Confidence none(String reason) {
        return new Confidence(0, reason);
    }

    public static Confidence certain(String reason) {
        return new Confidence(100, reason);
    }

    public boolean isConfident() {
        return score >= THRESHOLD;
    }
}
