package org.bridgeline.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The queries that read lines from their tables select exactly what the view bl_charge_line selects: the view is the
 * latest migration that defines it, and a migration that changes it must change {@link Aggregates#CHARGE_LINE_VIEW}.
 */
class ChargeLineViewTest {

    private static final Pattern VIEW = Pattern.compile("CREATE (?:OR REPLACE )?VIEW bl_charge_line AS (.*?);", Pattern.DOTALL);

    @Test
    void theLinesReadFromTheirTablesAreTheViewsColumns() throws IOException {
        String latest = null;
        for (String script : Migrations.SCRIPTS) {
            Matcher view = VIEW.matcher(read(script));
            while (view.find()) {
                latest = view.group(1);
            }
        }
        assertTrue(latest != null, "a migration defines the view bl_charge_line");
        assertEquals(normalized(latest), normalized(Aggregates.CHARGE_LINE_VIEW));
    }

    private static String read(String script) throws IOException {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + script)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String normalized(String sql) {
        return sql.replaceAll("--[^\n]*", "").replaceAll("\\s+", " ").trim();
    }
}
