package org.bridgeline.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsAndTableTest {

    @Test
    void parsesFlagsOptionsAndPositionals() {
        Args args = Args.parse(List.of("bills/", "--dry-run", "--parser", "x12-811", "--out=/tmp/o"),
                Set.of("dry-run"), Set.of("parser", "out"), "bl:import");
        assertEquals(List.of("bills/"), args.positionals());
        assertTrue(args.flag("dry-run"));
        assertEquals("x12-811", args.option("parser"));
        assertEquals("/tmp/o", args.option("out"));
    }

    @Test
    void unknownOrIncompleteOptionsAreOneLineErrors() {
        assertEquals("bl:import: unknown option --force (see bl:import --help)", assertThrows(CommandException.class,
                () -> Args.parse(List.of("--force"), Set.of(), Set.of(), "bl:import")).getMessage());
        assertEquals("bl:import: option --parser needs a value", assertThrows(CommandException.class,
                () -> Args.parse(List.of("--parser"), Set.of(), Set.of("parser"), "bl:import")).getMessage());
    }

    @Test
    void tablesAlignColumns() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Table("KIND", "ID").row("parser", "x12-811").row("detector", null).print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals("KIND      ID\n--------  -------\nparser    x12-811\ndetector  -\n",
                bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
