package org.bridgeline.parser.layout.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridgeline.api.model.SourcePosition;

/**
 * One data row of a file, its cells by column name (or {@code #index}), and where it is.
 *
 * @param noValue per column name ({@code *} for every column) the cell texts that mean no value
 */
record Row(List<String> cells, Map<String, Integer> columns, Map<String, Set<String>> noValue, SourcePosition position) {

    /** The cell's text, trimmed; {@code null} when the row has no such cell or the cell says there is no value. */
    String get(String column) {
        Integer index;
        if (column.startsWith("#")) {
            index = Integer.parseInt(column.substring(1));
        } else {
            index = columns.get(column);
        }
        if (index == null || index >= cells.size() || cells.get(index) == null) {
            return null;
        }
        String value = cells.get(index).strip();
        if (noValue.isEmpty()) {
            return value;
        }
        Set<String> none = noValue.getOrDefault(column, noValue.get("*"));
        return none != null && none.contains(value) ? null : value;
    }
}
