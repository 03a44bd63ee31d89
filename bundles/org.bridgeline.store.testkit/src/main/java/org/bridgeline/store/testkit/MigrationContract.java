package org.bridgeline.store.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.PostTermRule;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.Severity;
import org.bridgeline.store.StoredInvoice;
import org.bridgeline.store.jdbc.Migrations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Upgrades from every earlier schema version, run by every SQL store: a database left at version
 * n with the rows a runtime of that version wrote (in that version's columns) opens on this
 * release, migrates to the latest version, reads those rows back exactly, and takes new imports,
 * audits and inputs beside them.
 */
public abstract class MigrationContract {

    /** SQL a runtime of an earlier version ran, on a raw connection of a database at that version. */
    @FunctionalInterface
    public interface Seed {
        void run(Connection connection) throws SQLException;
    }

    /**
     * A new database of this implementation migrated to {@code version} only (0: empty), seeded on a
     * raw connection as tenant {@link #TENANT}, then opened by the store's roles (which migrate it).
     */
    protected abstract Stores openMigratedFrom(int version, Seed seed) throws Exception;

    protected static final String TENANT = "tenant-old";

    static IntStream earlierVersions() {
        return IntStream.range(0, Migrations.SCRIPTS.size());
    }

    @ParameterizedTest(name = "from version {0}")
    @MethodSource("earlierVersions")
    void aDatabaseOfAnEarlierVersionUpgradesAndKeepsWhatItHeld(int version) throws Exception {
        Stores stores = openMigratedFrom(version, connection -> seed(connection, version));
        try {
            if (version >= 1) {
                List<StoredInvoice> invoices = stores.books().ledger(TENANT).invoices(new org.bridgeline.api.detect.LineQuery(null,
                        null, null, null, null));
                assertEquals(1, invoices.size(), "the invoice an earlier version stored");
                assertEquals(new BigDecimal("123.456789"), invoices.get(0).lineTotal().amount());
                List<ChargeLine> lines = new ArrayList<>();
                stores.books().ledger(TENANT).linesOf(invoices.get(0).invoiceId(), lines::add);
                assertEquals(1, lines.size());
                assertEquals(new BigDecimal("123.456789"), lines.get(0).amount().amount());
                assertEquals(null, lines.get(0).destination(), "a column added later is empty on older rows");
                assertTrue(stores.imports().findImport(TENANT, "hash-old").isPresent(), "an earlier import is still recognised by content");
            }
            if (version >= 3) {
                List<Contract> contracts = stores.books().book(TENANT, null, StoreWrites.NO_MARKET).contracts(null);
                assertEquals(1, contracts.size());
                assertEquals(false, contracts.get(0).lateFeesWaived(), "a contract of before V7 waives nothing");
                assertEquals(PostTermRule.Kind.MONTH_TO_MONTH, contracts.get(0).postTerm().kind());
            }
            // and the upgraded database takes this release's writes beside the old rows
            StoreWrites.write(stores, TENANT, org.bridgeline.enterprise.SeededEnterprise.generate(5, 3));
            Finding finding = new Finding("upgrade", "upgrade-check", Severity.LOW, "Acme", null, List.of(), Money.of("1.00", "USD"),
                    Money.of("12.00", "USD"), "written after the upgrade", RecommendedAction.REVIEW);
            long run = stores.audits().saveAuditRun(TENANT, Instant.now(), List.of("upgrade"), List.of(finding)).runId();
            assertEquals(1, stores.audits().findings(TENANT, run).size());
        } finally {
            stores.close().close();
        }
    }

    /** The rows a runtime at the version wrote, in the columns that version had. */
    private static void seed(Connection connection, int version) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (version >= 1) {
                statement.executeUpdate("INSERT INTO bl_import (tenant, import_id, file_name, content_hash, parser_id, imported_at, invoices, "
                        + "line_count, finished) VALUES ('" + TENANT + "', 900, 'old.csv', 'hash-old', 'csv', TIMESTAMP '2025-01-05 10:00:00', "
                        + "1, 1, TRUE)");
                statement.executeUpdate("INSERT INTO bl_invoice (tenant, invoice_id, import_id, carrier, account, sub_account, "
                        + "invoice_number, invoice_date, period_start, period_end, currency, stated_total, line_total, line_count, revision, "
                        + "supersedes, superseded_by, source_file, source_record, source_line) VALUES ('" + TENANT + "', 900, 900, "
                        + "'Acme Telecom', 'ACC-OLD', NULL, 'INV-OLD', DATE '2025-01-01', DATE '2024-12-01', DATE '2024-12-31', 'USD', "
                        + "123.456789, 123.456789, 1, 1, 0, 0, 'old.csv', 1, 1)");
                statement.executeUpdate("INSERT INTO bl_charge_line (tenant, invoice_id, line_no, carrier, account, sub_account, "
                        + "invoice_number, invoice_date, period_start, period_end, service_id, site, service_type, category, charge_code, "
                        + "description, quantity, unit, unit_price, amount, currency, charge_start, charge_end, bandwidth_mbps, "
                        + "usage_quantity, usage_unit, tax_type, tax_jurisdiction, source_file, source_record, source_line) VALUES ('"
                        + TENANT + "', 900, 1, 'Acme Telecom', 'ACC-OLD', NULL, 'INV-OLD', DATE '2025-01-01', DATE '2024-12-01', "
                        + "DATE '2024-12-31', 'CKT-OLD', 'HQ', 'DIA', 'RECURRING', 'DIA100', 'Internet', 1, NULL, 123.456789, 123.456789, "
                        + "'USD', NULL, NULL, 100, NULL, NULL, NULL, NULL, 'old.csv', 2, 2)");
            }
            if (version >= 3) {
                statement.executeUpdate("INSERT INTO bl_contract (tenant, carrier, contract_id, version, current_version, term_start, "
                        + "term_end, auto_renewal, renewal_months, committed_spend, committed_currency, sla_availability, sla_repair_minutes, "
                        + "sla_credit_percent, source, imported_at) VALUES ('" + TENANT + "', 'Acme Telecom', 'MSA-OLD', 1, TRUE, "
                        + "DATE '2024-01-01', DATE '2026-12-31', FALSE, 0, NULL, NULL, NULL, NULL, NULL, 'old.json', "
                        + "TIMESTAMP '2025-01-05 10:00:00')");
                statement.executeUpdate("INSERT INTO bl_contract_rate (tenant, carrier, contract_id, version, seq, service_type, "
                        + "charge_code, bandwidth_mbps, category, rate, currency, unit) VALUES ('" + TENANT + "', 'Acme Telecom', 'MSA-OLD', "
                        + "1, 1, 'DIA', 'DIA100', 100, 'RECURRING', 100, 'USD', NULL)");
            }
        }
    }
}
