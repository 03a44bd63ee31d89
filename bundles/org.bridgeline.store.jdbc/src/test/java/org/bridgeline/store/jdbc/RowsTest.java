package org.bridgeline.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RowsTest {

    /** A decimal read from text has the value and the scale of the same text read as a decimal and then stripped. */
    @Test
    void aDecimalReadFromTextIsTheStrippedDecimal() {
        String[] written = {"1234.560000", "1200.000000", "1200", "0.000000", "-0.000000", "-5.500000", "0.500000", "7", "-12.000001",
                "99999999999999999999999999999999.123456", "0", "10.0", "100"};
        for (String text : written) {
            String padded = "x:" + text + ",";
            assertEquals(Rows.decimal(new BigDecimal(text)), Rows.decimal(padded.toCharArray(), 2, 2 + text.length()), text);
        }
    }
}
