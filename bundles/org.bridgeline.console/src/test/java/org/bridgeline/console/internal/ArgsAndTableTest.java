package org.bridgeline.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.bridgeline.console.Arguments;
import org.bridgeline.console.CommandException;
import org.junit.jupiter.api.Test;

class ArgsAndTableTest {

    @Test
    void parsesFlagsOptionsAndPositionals() {
        Arguments args = Arguments.parse(List.of("bills/", "--dry-run", "--parser", "x12-811", "--out=/tmp/o"),
                Set.of("dry-run"), Set.of("parser", "out"), "bl:import");
        assertEquals(List.of("bills/"), args.positionals());
        assertTrue(args.flag("dry-run"));
        assertEquals("x12-811", args.option("parser"));
        assertEquals("/tmp/o", args.option("out"));
    }

    @Test
    void unknownOrIncompleteOptionsAreOneLineErrors() {
        assertEquals("bl:import: unknown option --force (see bl:import --help)", assertThrows(CommandException.class,
                () -> Arguments.parse(List.of("--force"), Set.of(), Set.of(), "bl:import")).getMessage());
        assertEquals("bl:import: option --parser needs a value (see bl:import --help)", assertThrows(CommandException.class,
                () -> Arguments.parse(List.of("--parser"), Set.of(), Set.of("parser"), "bl:import")).getMessage());
    }

    @Test
    void numbersAndCountsOfPositionalsAreCheckedWithTheRangeInTheMessage() {
        Arguments args = Arguments.parse(List.of("--sites", "0", "--seed", "12"), Set.of(), Set.of("sites", "seed"), "bl:demo");
        assertEquals(12, args.number("seed", 7, Long.MIN_VALUE, Long.MAX_VALUE));
        assertEquals(25, Arguments.parse(List.of(), Set.of(), Set.of("sites"), "bl:demo").number("sites", 25, 1, 10_000));
        assertEquals("bl:demo: --sites expects a whole number from 1 to 10000, found \"0\"",
                assertThrows(CommandException.class, () -> args.number("sites", 25, 1, 10_000)).getMessage());
        assertEquals("bl:demo: --seed expects a whole number, found \"x\"", assertThrows(CommandException.class,
                () -> Arguments.parse(List.of("--seed", "x"), Set.of(), Set.of("seed"), "bl:demo").number("seed", 7, Long.MIN_VALUE,
                        Long.MAX_VALUE)).getMessage());
        assertEquals("bl:package: expected one carrier or --all, found nothing (see bl:package --help)", assertThrows(CommandException.class,
                () -> Arguments.parse(List.of(), Set.of("all"), Set.of(), "bl:package").positionals(1, 1, "one carrier or --all")).getMessage());
    }

    @Test
    void tablesAlignColumns() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Table("KIND", "ID").row("parser", "x12-811").row("detector", null).print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals("KIND      ID\n--------  -------\nparser    x12-811\ndetector  -\n",
                bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
