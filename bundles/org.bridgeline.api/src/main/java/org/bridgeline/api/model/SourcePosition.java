package org.bridgeline.api.model;

import java.util.Objects;

/**
 * Where a value was read: the file, the record number within it and, for text formats, the
 * line. A parser sets it on every charge line and every problem it reports, so an operator can
 * open the file and find the record.
 *
 * @param file   the file name as the operator gave it (or the entry name inside an archive)
 * @param record the 1-based record number in the format's own terms (CSV row, EDI segment,
 *               fixed-width record); 0 when the position is the file as a whole
 * @param line   the 1-based text line the record starts on, or 0 when the format has no lines
 */
public record SourcePosition(String file, long record, long line) {

    public SourcePosition {
        Objects.requireNonNull(file, "file");
        if (record < 0 || line < 0) {
            throw new IllegalArgumentException("record and line are 1-based, or 0 when unknown");
        }
    }

    public static SourcePosition ofFile(String file) {
        return new SourcePosition(file, 0, 0);
    }

    public static SourcePosition of(String file, long record, long line) {
        return new SourcePosition(file, record, line);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (record > 0) {
            text.append(" record ").append(record);
        }
        if (line > 0) {
            text.append(record > 0 ? " (line " + line + ")" : " line " + line);
        }
        return text.toString();
    }
}
