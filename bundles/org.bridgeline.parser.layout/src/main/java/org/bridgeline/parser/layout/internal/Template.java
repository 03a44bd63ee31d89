package org.bridgeline.parser.layout.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A profile value: literal text with {@code {Column name}} (or {@code {#3}}, a 0-based column
 * index) placeholders, and {@code {file}} for the file's name without its extension. A value
 * that is exactly one placeholder is the cell as it is.
 */
final class Template {

    private final String source;
    private final List<String> literals = new ArrayList<>();
    private final List<String> columns = new ArrayList<>();

    private Template(String source) {
        this.source = source;
    }

    static Template of(String source) throws ProfileException {
        Template template = new Template(source);
        int at = 0;
        StringBuilder literal = new StringBuilder();
        while (at < source.length()) {
            int open = source.indexOf('{', at);
            if (open < 0) {
                literal.append(source, at, source.length());
                break;
            }
            int close = source.indexOf('}', open);
            if (close < 0) {
                throw new ProfileException("unclosed { in \"" + source + "\"");
            }
            literal.append(source, at, open);
            template.literals.add(literal.toString());
            literal.setLength(0);
            String column = source.substring(open + 1, close);
            if (column.startsWith("#") && !column.matches("#\\d{1,4}")) {
                throw new ProfileException("{" + column + "} in \"" + source + "\": a column index is # and a 0-based number, such as {#3}");
            }
            template.columns.add(column);
            at = close + 1;
        }
        template.literals.add(literal.toString());
        return template;
    }

    /** The column names (and {@code #index} references) this template reads. */
    List<String> columns() {
        return columns;
    }

    /**
     * The value for a row, or {@code null} when every placeholder it has is empty in the row (a
     * template with no placeholder is a constant and never {@code null}).
     */
    String resolve(Row row, Map<String, String> context) {
        if (columns.size() == 1 && literals.get(0).isEmpty() && literals.get(1).isEmpty()) {
            // the cell as it is: most values of most layouts, read for every line
            String value = cellOrContext(columns.get(0), row, context);
            if (value == null) {
                return null;
            }
            value = value.strip();
            return value.isEmpty() ? null : value;
        }
        StringBuilder out = new StringBuilder(literals.get(0));
        boolean anyValue = columns.isEmpty();
        for (int i = 0; i < columns.size(); i++) {
            String value = cellOrContext(columns.get(i), row, context);
            if (value != null && !value.isEmpty()) {
                anyValue = true;
                out.append(value);
            }
            out.append(literals.get(i + 1));
        }
        if (!anyValue) {
            return null;
        }
        String value = out.toString().strip();
        return value.isEmpty() ? null : value;
    }

    /** A file-level value of that name (such as {@code file}) wins over the row's column. */
    private static String cellOrContext(String column, Row row, Map<String, String> context) {
        String value = context.get(column);
        return value != null || context.containsKey(column) ? value : row.get(column);
    }

    @Override
    public String toString() {
        return source;
    }
}
