package org.bridgeline.parser.x12.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.testkit.RecordingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** bl:x12-inspect's findings on the corpus, and a drafted profile that reads its sample once its EDIT names are chosen. */
class X12InspectorTest {

    static X12Inspector.Findings inspect(Path file) throws Exception {
        return X12Inspector.inspect(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
    }

    @Test
    void theNestingTheQualifiersAndHowTheStandardProfileFits() throws Exception {
        X12Inspector.Findings found = inspect(Path.of("src/test/resources/corpus/lumen-consolidated.x12"));
        assertEquals('|', found.element);
        assertEquals('^', found.component);
        assertEquals('~', found.terminator);
        assertEquals(2, found.groups);
        assertEquals(3, found.transactions);
        assertEquals(java.util.Set.of("1 > 2 > 3 > 8"), found.nesting, "provider > account > sub-account > charge detail");
        assertEquals(3, found.qualifier("REF", "11").count);
        assertEquals(List.of("3030-1001", "3030-1002", "3030-2001"), List.copyOf(found.qualifier("REF", "11").samples));
        String report = X12Inspector.report("lumen-consolidated.x12", found, List.of(X12ParserTest.parser("x12-811-standard").profile(),
                X12ParserTest.parser("x12-811-northwind").profile()));
        assertTrue(report.contains("HL nesting  1 > 2 > 3 > 8"), report);
        assertTrue(report.contains("profile     x12-811-standard: reads 12 of 12 codes\n"), report);
        assertTrue(report.contains("profile     x12-811-northwind: reads 2 of 12 codes; leaves unread HL03 1, HL03 2, HL03 3, HL03 8, REF 11"),
                report);
    }

    @Test
    void aDraftWithItsEditNamesChosenReadsTheSampleBalanced() throws Exception {
        Path sample = Path.of("src/test/resources/fixtures/northwind-variant.x12");
        X12Inspector.Findings found = inspect(sample);
        assertEquals(java.util.Set.of("SP > BA > CD"), found.nesting);
        String draft = X12Inspector.draft(found, X12ParserTest.parser("x12-811-standard").profile());
        assertTrue(draft.contains("\"SP\": \"EDIT: account|category|charge|group|line|provider|subaccount|subcategory|type\""), draft);
        IOException unedited = assertThrows(IOException.class, () -> X12Profile.read(new ByteArrayInputStream(draft.getBytes(StandardCharsets.UTF_8)),
                "draft.json"));
        assertTrue(unedited.getMessage().startsWith("draft.json: field \"levels\""), unedited.getMessage());

        // what an operator does with the draft: choose a name for every EDIT, nothing else
        String edited = draft.replaceAll("\"SP\": \"EDIT[^\"]*\"", "\"SP\": \"provider\"")
                .replaceAll("\"BA\": \"EDIT[^\"]*\"", "\"BA\": \"account\"").replaceAll("\"CD\": \"EDIT[^\"]*\"", "\"CD\": \"charge\"")
                .replaceAll("\"AN\": \"EDIT[^\"]*\"", "\"AN\": \"account\"")
                .replaceAll("\"CKT\": \"EDIT[^\"]*\"", "\"CKT\": \"serviceId\"").replaceAll("\"USO\": \"EDIT[^\"]*\"", "\"USO\": \"chargeCode\"")
                .replaceAll("\"LOC\": \"EDIT[^\"]*\"", "\"LOC\": \"site\"").replaceAll("\"SPD\": \"EDIT[^\"]*\"", "\"SPD\": \"bandwidthMbps\"")
                .replaceAll("\"SVC\": \"EDIT[^\"]*\"", "\"SVC\": \"serviceType\"")
                .replaceAll("\"1\": \"EDIT[^\"]*\"", "\"1\": \"RECURRING\"").replaceAll("\"3\": \"EDIT[^\"]*\"", "\"3\": \"USAGE\"");
        assertTrue(!edited.contains("\"EDIT:"), edited);
        X12Parser parser = new X12Parser(X12Profile.read(new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8)), "edited.json"));
        RecordingSink sink = new RecordingSink();
        parser.parse("northwind-variant.x12", Files.newInputStream(sample), sink);
        assertEquals(List.of(), sink.problems);
        assertEquals("NW-ACCT-7", sink.invoices.get(0).account());
        BigDecimal lines = sink.lines.stream().map(ChargeLine::amount).map(m -> m.amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sink.statedTotals.get(0).amount().compareTo(lines), "BALANCED against TDS");
        assertEquals("NW-ETH-0042", sink.lines.get(0).serviceId());
    }

    /** Every corpus shape: its nesting and its qualifiers, and the standard profile reads every code of it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "att-shape.x12|1 > 2 > 5 > 8|REF         11         1  214555010088",
        "verizon-shape.x12|1 > 2 > 4 > 8|AMT         US         1  2.43",
        "windstream-shape.x12|1 > 2 > 5 > 8|REF         AR         1  7700112233",
        "granite-shape.x12|1 > 2 > 3 > 8|REF         11         2  LOC-0001, LOC-0002",
        "lumen-consolidated.x12|1 > 2 > 3 > 8|SI          BW         3  1000"
    })
    void eachCorpusShapeIsTakenApart(String file, String nesting, String qualifier) throws Exception {
        X12Inspector.Findings found = inspect(Path.of("src/test/resources/corpus", file));
        String report = X12Inspector.report(file, found, List.of(X12ParserTest.parser("x12-811-standard").profile()));
        assertTrue(report.contains("HL nesting  " + nesting + "\n"), report);
        assertTrue(report.contains(qualifier + "\n"), report);
        assertTrue(report.lines().anyMatch(line -> line.startsWith("profile     x12-811-standard: reads ") && !line.contains("unread")
                || line.contains("leaves unread REF AR")), "the standard profile reads every code (the receivable REF AR aside): " + report);
    }
}
