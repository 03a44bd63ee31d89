package org.bridgeline.store.postgresql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.bridgeline.enterprise.SeededEnterprise;
import org.bridgeline.store.jdbc.Database;
import org.bridgeline.store.testkit.PostgresServer;
import org.bridgeline.store.testkit.StoreWrites;
import org.bridgeline.store.testkit.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation the second time, below the store's own filters: row-level security on every
 * table, so SQL that forgets its tenant returns nothing of another tenant and cannot write into one;
 * and the schema Citus needs, every table keyed by tenant first.
 */
class TenantIsolationTest {

    /** Shared by every tenant, reference tables on Citus: the schema's version, and the registry of tenants and tokens (looked up by token before the tenant is known). */
    static final List<String> REFERENCE_TABLES = List.of("bl_schema_version", "bl_tenant", "bl_api_token");

    static PostgresServer server;
    static PostgresDatabase database;
    static Stores stores;

    @BeforeAll
    static void storeTwoTenants() throws Exception {
        server = PostgresServer.start(Path.of("target", "postgres-isolation"));
        database = TestDatabases.open(server, server.passwordFile(Path.of("target", "postgres-isolation.password")));
        stores = TestDatabases.roles(database);
        StoreWrites.write(stores, "tenant-a", SeededEnterprise.generate(3, 6));
    }

    @AfterAll
    static void stop() throws Exception {
        if (database != null) {
            database.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aQueryWithoutItsTenantFilterSeesOnlyTheConnectionsTenant() throws Exception {
        for (String table : tenantTables()) {
            long forA = count(database, "tenant-a", "SELECT COUNT(*) FROM " + table);
            long forB = count(database, "tenant-b", "SELECT COUNT(*) FROM " + table);
            assertEquals(0, forB, table + ": tenant-b's connection sees tenant-a's rows");
            if (table.equals("bl_charge_line") || table.equals("bl_invoice") || table.equals("bl_import")) {
                assertTrue(forA > 0, table + ": tenant-a's own rows are visible to it");
            }
        }
        assertTrue(count(database, "tenant-a", "SELECT COUNT(*) FROM bl_charge_line") > 1000);
    }

    @Test
    void aConnectionCannotWriteAnotherTenantsRows() {
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Connection connection = database.connect("tenant-b"); Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO bl_import (tenant, import_id, file_name, content_hash, parser_id, imported_at, "
                        + "invoices, line_count, finished) VALUES ('tenant-a', -1, 'x', 'x', 'x', now(), 0, 0, TRUE)");
            }
        });
        assertTrue(refused.getMessage().contains("row-level security"), refused.getMessage());
    }

    @Test
    void everyTenantTableIsUnderForcedRowLevelSecurity() throws Exception {
        List<String> tables = tenantTables();
        assertTrue(tables.size() >= 14, "tables with a tenant column: " + tables);
        try (Connection connection = database.connect("tenant-a"); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class "
                        + "WHERE relkind = 'r' AND relname LIKE 'bl\\_%' AND relnamespace = 'public'::regnamespace")) {
            while (row.next()) {
                if (tables.contains(row.getString(1))) {
                    assertTrue(row.getBoolean(2) && row.getBoolean(3), row.getString(1) + " is not under forced row-level security");
                }
            }
        }
    }

    /** Citus distributes by the first column of the key: every table but the schema's version table starts with the tenant. */
    @Test
    void everyTablesPrimaryKeyStartsWithTheTenant() throws Exception {
        List<String> keyless = new ArrayList<>();
        try (Connection connection = database.connect("tenant-a"); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT c.relname, (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.oid "
                        + "AND a.attnum = i.indkey[0]) FROM pg_class c LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary "
                        + "WHERE c.relkind = 'r' AND c.relname LIKE 'bl\\_%' AND c.relnamespace = 'public'::regnamespace ORDER BY 1")) {
            while (row.next()) {
                String table = row.getString(1);
                if (!REFERENCE_TABLES.contains(table) && !"tenant".equals(row.getString(2))) {
                    keyless.add(table + " (key starts with " + row.getString(2) + ")");
                }
            }
        }
        assertEquals(List.of(), keyless);
    }

    private static List<String> tenantTables() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection connection = database.connect("tenant-a"); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' "
                        + "AND column_name = 'tenant' AND table_name LIKE 'bl\\_%' ORDER BY 1")) {
            while (row.next()) {
                if (!REFERENCE_TABLES.contains(row.getString(1))) {
                    tables.add(row.getString(1));
                }
            }
        }
        return tables;
    }

    private static long count(Database database, String tenant, String sql) throws Exception {
        try (Connection connection = database.connect(tenant); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
