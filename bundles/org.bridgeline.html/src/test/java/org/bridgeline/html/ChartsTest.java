package org.bridgeline.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChartsTest {

    @Test
    void stackedColumnsDrawEachSeriesInProportionWithTotalsAndALegend() {
        String svg = Charts.stackedColumns(List.of("2025-01", "2025-02"), List.of(
                new Charts.Series("Acme <Telecom>", Arrays.asList(new BigDecimal("150.00"), new BigDecimal("100.00"))),
                new Charts.Series("Bluewave", Arrays.asList(new BigDecimal("50.00"), null))), "spend", "Spend per month");
        assertTrue(svg.contains("<title id=\"spend-title\">Spend per month</title>"), svg);
        assertTrue(svg.contains("Acme &lt;Telecom&gt;, 2025-01: 150.00"), "each mark says what it is: " + svg);
        Matcher heights = Pattern.compile("height=\"(\\d+)\" fill").matcher(svg);
        int[] h = new int[3];
        for (int i = 0; i < 3; i++) {
            assertTrue(heights.find());
            h[i] = Integer.parseInt(heights.group(1));
        }
        assertEquals(150, h[0], "the tallest column fills the plot: 150 of 200");
        assertEquals(50, h[1]);
        assertEquals(100, h[2]);
        assertTrue(svg.contains(">200<") && svg.contains(">100<"), "column totals: " + svg);
    }

    @Test
    void amountsKeepTwoDecimalsAndGroupThousands() {
        assertEquals("12,345.60", Charts.amount(new BigDecimal("12345.6")));
        assertEquals("0.00", Charts.amount(new BigDecimal("0.005")), "half to even");
        assertEquals("0.02", Charts.amount(new BigDecimal("0.015")), "half to even");
    }
}
