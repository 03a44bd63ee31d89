package org.bridgeline.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No query joins across tenants, so on Citus each runs on the one shard that holds its tenant: each
 * join of two tables joins on the tenant first. Read from the SQL as written in this bundle's
 * sources; that every statement keeps to its tenant is proved by running them (the contract suite's
 * isolation test, and PostgreSQL's row-level security).
 */
class SingleTenantSqlTest {

    private static final Path SOURCES = Path.of("src/main/java/org/bridgeline/store/jdbc");
    private static final Pattern JOIN = Pattern.compile("JOIN\\s+(bl_\\w+)\\s+(\\w+)\\s+ON\\s+(\\w+)\\.tenant\\s*=\\s*(\\w+)\\.tenant");
    private static final Pattern ANY_JOIN = Pattern.compile("JOIN\\s+(bl_\\w+|\\w+)\\s+\\w+\\s+ON");

    @Test
    void everyJoinOfTwoTablesJoinsOnTheTenant() throws IOException {
        List<String> crossTenant = new ArrayList<>();
        int joins = 0;
        for (Path file : sources()) {
            String sql = sqlOf(file);
            Matcher any = ANY_JOIN.matcher(sql);
            while (any.find()) {
                if (!any.group(1).startsWith("bl_")) {
                    continue; // a join to a subquery's own rows (an aggregate of the tenant's lines), not to a table
                }
                joins++;
                Matcher join = JOIN.matcher(sql);
                if (!join.find(any.start()) || join.start() != any.start()) {
                    crossTenant.add(file.getFileName() + ": " + sql.substring(any.start(), Math.min(sql.length(), any.start() + 90)));
                }
            }
        }
        assertTrue(joins >= 5, "the joins the views make: " + joins);
        assertEquals(List.of(), crossTenant);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** The file with its string concatenations joined, so a statement split over lines reads as one. */
    private static String sqlOf(Path file) throws IOException {
        return Files.readString(file).replaceAll("\"\\s*\\+\\s*\"", "");
    }
}
