package org.bridgeline.parser.layout.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.bridgeline.api.model.SourcePosition;
import org.bridgeline.api.parser.ParseProblem;

/**
 * The parts of a report-style export, record by record: a preamble of labelled cells, a header of one or more rows, the
 * table, and a footer of labelled totals; then perhaps the next invoice's preamble and header. A plain table is the
 * same with no preamble or footer. Table rows go to the {@link InvoiceReading}, labelled values to its fields.
 */
final class Sections {

    private enum Part { PREAMBLE, TABLE, FOOTER }

    private final LayoutProfile profile;
    private final InvoiceReading invoices;
    private final Pattern headerAt;
    private Part part;
    private final Map<String, Integer> fixedColumns = new HashMap<>();
    private Map<String, Integer> columns = new HashMap<>();
    private int headerRowsLeft;
    /** Cells a table row needs to hold every column the profile reads. */
    private int cellsNeeded;
    private SourcePosition last;

    Sections(LayoutProfile profile, InvoiceReading invoices, boolean fixedWidths) {
        this.profile = profile;
        this.invoices = invoices;
        this.headerAt = profile.text().headerAt();
        if (fixedWidths) {
            List<LayoutProfile.FixedColumn> layout = profile.text().fixedWidths();
            for (int i = 0; i < layout.size(); i++) {
                fixedColumns.put(layout.get(i).name(), i);
            }
            columns.putAll(fixedColumns);
        }
        // without a pattern the header is the first rows; a pattern finds it below a preamble
        this.part = headerAt == null ? Part.TABLE : Part.PREAMBLE;
        this.headerRowsLeft = headerAt == null ? profile.text().headerRows() : 0;
        if (headerAt == null && headerRowsLeft == 0) {
            cellsNeeded = invoices.columns(columns, SourcePosition.ofFile(invoices.fileName()));
        }
    }

    /**
     * One record.
     *
     * @param text the record as the file writes it, which the header pattern is matched against (made only then: most
     *             layouts have no pattern, and most records are table rows)
     */
    void record(List<String> cells, Supplier<String> text, SourcePosition position) {
        last = position;
        if (cells.stream().allMatch(cell -> cell == null || cell.isBlank())) {
            return;
        }
        if (headerRowsLeft == 0 && headerAt != null && headerAt.matcher(text.get()).find()) {
            if (part == Part.FOOTER) {
                invoices.end(position, "the next header");
            }
            part = Part.TABLE;
            columns = new HashMap<>(fixedColumns);
            headerRowsLeft = Math.max(1, profile.text().headerRows());
        }
        if (headerRowsLeft > 0) {
            if (profile.text().fixedWidths().isEmpty()) {
                name(cells);
            }
            if (--headerRowsLeft == 0) {
                cellsNeeded = invoices.columns(columns, position);
            }
            return;
        }
        switch (part) {
            case PREAMBLE -> preamble(cells);
            case FOOTER -> {
                if (!footer(cells, position) && !preamble(cells) && cells.stream().filter(cell -> !cell.isBlank()).count() > 1) {
                    invoices.warning(ParseProblem.of(position, null, "a footer total or the next header after the footer",
                            shorten(text.get())));
                }
            }
            case TABLE -> {
                if (footer(cells, position)) {
                    part = Part.FOOTER;
                } else {
                    table(cells, position);
                }
            }
        }
    }

    /** Where the file ends. A report whose header never came is not read at all, and says so. */
    void end() {
        if (part == Part.PREAMBLE && last != null) {
            invoices.problem(new ParseProblem(SourcePosition.ofFile(invoices.fileName()), "header",
                    "a header row matching " + headerAt.pattern() + " (layout " + profile.id() + ")", "none in " + last.record() + " rows",
                    true));
            return;
        }
        invoices.end(last == null ? SourcePosition.ofFile(invoices.fileName()) : last, "the end of the file");
    }

    private void table(List<String> cells, SourcePosition position) {
        Row row = new Row(cells, columns, invoices.noValue(), position);
        for (LayoutProfile.When skip : profile.report().skipRows()) {
            if (skip.test(row)) {
                return;
            }
        }
        if (cells.size() < cellsNeeded) {
            invoices.problem(ParseProblem.of(position, null, "a row of " + cellsNeeded + " cells or more, as the header has",
                    cells.size() + " cells: " + shorten(String.join(String.valueOf(profile.text().delimiter()), cells))));
            return;
        }
        invoices.row(row);
    }

    /** Names from every header row: a column is known by its name in any of them (two languages, say). */
    private void name(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip();
            if (!name.isEmpty()) {
                columns.putIfAbsent(name, i);
            }
        }
    }

    /** Labelled values anywhere in the row; whether the row held one. */
    private boolean preamble(List<String> cells) {
        boolean found = false;
        for (int i = 0; i < cells.size(); i++) {
            for (Map.Entry<String, List<String>> field : profile.report().preamble().entrySet()) {
                String value = labelled(cells, i, field.getValue());
                if (value != null) {
                    invoices.preamble(field.getKey(), value);
                    found = true;
                }
            }
        }
        return found;
    }

    /** A footer row: its first cell with text is a footer label. */
    private boolean footer(List<String> cells, SourcePosition position) {
        int first = 0;
        while (first < cells.size() && cells.get(first).isBlank()) {
            first++;
        }
        for (Map.Entry<String, List<String>> field : profile.report().footer().entrySet()) {
            String value = first < cells.size() ? labelled(cells, first, field.getValue()) : null;
            if (value != null) {
                invoices.footer(field.getKey(), value, position);
                return true;
            }
        }
        return false;
    }

    /**
     * The value the cell at {@code index} labels: the next cell to its right with text (that is not itself a label), or
     * the rest of a cell written {@code Label: value}; {@code null} when the cell is none of the labels.
     */
    private String labelled(List<String> cells, int index, List<String> labels) {
        String cell = normal(cells.get(index));
        for (String label : labels) {
            String wanted = normal(label);
            if (cell.equals(wanted)) {
                for (int next = index + 1; next < cells.size(); next++) {
                    String value = cells.get(next).strip();
                    if (!value.isEmpty()) {
                        return isLabel(value) ? null : value;
                    }
                }
                return null;
            }
            String text = cells.get(index).strip();
            if (cell.startsWith(wanted + ":") && text.length() > wanted.length() + 1) {
                String value = text.substring(wanted.length() + 1).strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private boolean isLabel(String text) {
        String cell = normal(text);
        return profile.report().preamble().values().stream().flatMap(List::stream).anyMatch(label -> normal(label).equals(cell))
                || profile.report().footer().values().stream().flatMap(List::stream).anyMatch(label -> normal(label).equals(cell));
    }

    /** A label as compared: trimmed, one trailing colon dropped, case ignored. */
    private static String normal(String text) {
        String value = text.strip();
        if (value.endsWith(":")) {
            value = value.substring(0, value.length() - 1).strip();
        }
        return value.toLowerCase(Locale.ROOT);
    }

    static String shorten(String value) {
        return value == null ? "" : value.length() > 80 ? value.substring(0, 80) + "..." : value;
    }
}
