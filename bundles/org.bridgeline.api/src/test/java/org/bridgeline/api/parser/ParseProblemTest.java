package org.bridgeline.api.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.bridgeline.api.model.SourcePosition;
import org.junit.jupiter.api.Test;

class ParseProblemTest {

    @Test
    void messageNamesPositionFieldExpectedAndFound() {
        ParseProblem problem = ParseProblem.of(SourcePosition.of("bills.csv", 12, 14), "invoice date",
                "a date as yyyyMMdd", "2024-13-01");
        assertEquals("bills.csv record 12 (line 14): field \"invoice date\": expected a date as yyyyMMdd, found \"2024-13-01\"",
                problem.message());
    }

    @Test
    void confidenceStaysWithinItsScale() {
        assertThrows(IllegalArgumentException.class, () -> new Confidence(101, "too sure"));
        assertEquals(false, Confidence.none("not a CSV").isConfident());
    }

    @Test
    void parserIdIsOneWord() {
        assertThrows(IllegalArgumentException.class, () -> new ParserInfo("telstra olb", "Telstra", "OLB", "6.4"));
    }
}
