package org.bridgeline.parser.layout.internal;

import java.util.List;
import java.util.Map;
import org.bridgeline.api.model.SourcePosition;

/** One data row of a file, its cells by column name (or {@code #index}), and where it is. */
record Row(List<String> cells, Map<String, Integer> columns, SourcePosition position) {

    /** The cell's text, trimmed; {@code null} when the row has no such cell. */
    String get(String column) {
        Integer index;
        if (column.startsWith("#")) {
            index = Integer.parseInt(column.substring(1));
        } else {
            index = columns.get(column);
        }
        if (index == null || index >= cells.size()) {
            return null;
        }
        String value = cells.get(index);
        return value == null ? null : value.strip();
    }
}
