package org.bridgeline.core;

/**
 * One thing wrong in an imported file, as an operator fixes it: where, which field, what was
 * expected, what was found.
 *
 * @param error    {@code true} for an error (the record is not imported), {@code false} for a warning
 * @param file     the file (an archive entry as {@code archive.zip!/entry})
 * @param record   record number, 0 when the whole file is concerned
 * @param line     text line, 0 when unknown
 * @param field    the field, or {@code null}
 * @param expected what the format requires
 * @param found    what the file holds, or {@code null}
 * @param message  the whole of it in one line
 */
public record ImportIssue(boolean error, String file, long record, long line, String field, String expected, String found,
        String message) {
}
