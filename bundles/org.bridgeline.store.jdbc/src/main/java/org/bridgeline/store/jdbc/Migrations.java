package org.bridgeline.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema migrations: each runs once, in order, in its own transaction, and is
 * recorded in {@code bl_schema_version}. A migration never changes once released; a new
 * schema change is a new file. The scripts are portable SQL, the same on every engine; an engine
 * adds to a version with a companion script of the same name beside its own classes (PostgreSQL's
 * indexes and row-level security), run in the same transaction.
 */
public final class Migrations {

    /** Every migration, oldest first. Version n is the n-th entry. */
    public static final List<String> SCRIPTS = List.of("V1__book_of_business.sql", "V2__audit_runs.sql",
            "V3__contracts_inventory_orders.sql", "V4__finding_recoverable.sql",
            "V5__requirements.sql", "V6__call_destination.sql", "V7__contract_schedules_and_features.sql",
            "V8__tenants_and_tokens.sql", "V9__intake_jobs.sql", "V10__disputes.sql", "V11__dispute_monthly_impact.sql",
            "V12__line_inherits_invoice.sql");

    private Migrations() {
    }

    /** Brings the schema up to date, with no companion scripts; returns the version it is at. */
    public static int migrate(Connection connection) throws SQLException, IOException {
        return migrate(connection, null, SCRIPTS.size());
    }

    /**
     * Brings the schema up to the target version, each portable script followed by the engine's
     * companion of the same name under {@code migrations/} beside {@code companions} when there is one.
     */
    public static int migrate(Connection connection, Class<?> companions, int target) throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bl_schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                    + "script VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
        }
        int current = currentVersion(connection);
        if (current > SCRIPTS.size()) {
            throw new SQLException("the database is at schema version " + current + ", newer than this Bridgeline ("
                    + SCRIPTS.size() + "); use a newer release or another database");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (int version = current + 1; version <= target; version++) {
                String script = SCRIPTS.get(version - 1);
                try (Statement statement = connection.createStatement()) {
                    for (String sql : statements(read(Migrations.class, script))) {
                        statement.execute(sql);
                    }
                    String companion = companions == null ? null : readIfPresent(companions, script);
                    for (String sql : companion == null ? List.<String>of() : statements(companion)) {
                        statement.execute(sql);
                    }
                }
                try (PreparedStatement record = connection.prepareStatement(
                        "INSERT INTO bl_schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                    record.setInt(1, version);
                    record.setString(2, script);
                    record.setTimestamp(3, Timestamp.from(Instant.now()));
                    record.executeUpdate();
                }
                connection.commit();
            }
        } catch (SQLException | IOException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return Math.max(current, target);
    }

    public static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM bl_schema_version")) {
            result.next();
            return result.getInt(1);
        }
    }

    private static String read(Class<?> beside, String script) throws IOException {
        String text = readIfPresent(beside, script);
        if (text == null) {
            throw new IOException("migration " + script + " is missing from the bundle");
        }
        return text;
    }

    private static String readIfPresent(Class<?> beside, String script) throws IOException {
        try (InputStream in = beside.getResourceAsStream("migrations/" + script)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The statements of a script: split at semicolons ending a line, comments dropped. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
