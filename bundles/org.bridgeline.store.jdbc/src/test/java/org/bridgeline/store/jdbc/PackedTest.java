package org.bridgeline.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Any text survives packing: separators, a leading dash, digits, characters outside the basic plane, nothing at all. */
class PackedTest {

    @Test
    void valuesReadBackInOrderWhateverTheyContain() {
        String[] values = {"Acme: 12-3", "-", "", "\uD83D\uDCDE line ☎ 7", "12:30", null, "650.500000", "2025-09-30"};
        StringBuilder packed = new StringBuilder();
        for (String value : values) {
            // as the database writes it: the length in characters (code points), a colon, the text
            packed.append(value == null ? "-" : value.codePointCount(0, value.length()) + ":" + value);
        }
        Packed row = new Packed(packed.toString());
        for (int i = 0; i < 6; i++) {
            assertEquals(values[i], row.text(), "value " + i);
        }
        assertEquals(new BigDecimal("650.5"), row.decimal());
        assertEquals(LocalDate.of(2025, 9, 30), row.date());
    }

    @Test
    void datesReadAsTheParserReadsThem() {
        for (String date : new String[] {"2025-09-30", "0001-01-01", "9999-12-31", "2024-02-29", "+10000-01-01"}) {
            assertEquals(LocalDate.parse(date), new Packed(date.length() + ":" + date).date(), date);
        }
        for (String notADate : new String[] {"2025-02-30", "2025-13-01", "2025-1a-01"}) {
            assertThrows(DateTimeException.class, () -> new Packed(notADate.length() + ":" + notADate).date(), notADate);
        }
    }

    @Test
    void aNullDecimalOrDateIsNull() {
        Packed row = new Packed("--");
        assertNull(row.decimal());
        assertNull(row.date());
    }
}
