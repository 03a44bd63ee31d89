package org.bridgeline.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.store.ImportRecord;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredInvoice;

/** The import role's SQL: files recorded as they are imported, and the invoices an unfinished import already stored. */
final class Imports {

    private Imports() {
    }

    /** The id of an unfinished import of this content, to resume it; empty when there is none. */
    static Optional<Long> unfinished(Connection connection, String tenant, String contentHash) throws SQLException {
        try (PreparedStatement query = Jdbc.prepare(connection, "SELECT import_id FROM bl_import WHERE tenant = ? AND content_hash = ? "
                + "AND NOT finished", List.of(tenant, contentHash)); ResultSet row = query.executeQuery()) {
            return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
        }
    }

    static long begin(Connection connection, String tenant, String fileName, String contentHash, String parserId) throws SQLException {
        long importId;
        try (Statement statement = connection.createStatement(); ResultSet next = statement.executeQuery("SELECT nextval('bl_import_seq')")) {
            next.next();
            importId = next.getLong(1);
        }
        try (PreparedStatement insert = Jdbc.prepare(connection, "INSERT INTO bl_import (tenant, import_id, file_name, content_hash, "
                + "parser_id, imported_at, invoices, line_count, finished) VALUES (?, ?, ?, ?, ?, ?, 0, 0, FALSE)",
                List.of(tenant, importId, fileName, contentHash, parserId, Timestamp.from(Instant.now())))) {
            insert.executeUpdate();
        }
        return importId;
    }

    /** Finishes an import: kept when it stored invoices, forgotten when it stored none (so it can be retried). */
    static ImportRecord finish(Connection connection, String tenant, long importId) throws SQLException, StoreException {
        List<ImportRecord> records = read(connection, tenant, "AND import_id = ?", importId);
        if (records.isEmpty()) {
            throw new StoreException("no import " + importId);
        }
        ImportRecord record = records.get(0);
        String sql = record.invoices() == 0 ? "DELETE FROM bl_import WHERE tenant = ? AND import_id = ?"
                : "UPDATE bl_import SET finished = TRUE WHERE tenant = ? AND import_id = ?";
        try (PreparedStatement finish = Jdbc.prepare(connection, sql, List.of(tenant, importId))) {
            finish.executeUpdate();
        }
        return record;
    }

    /** Imports matching a condition on bl_import, newest first. */
    static List<ImportRecord> read(Connection connection, String tenant, String condition, Object... parameters) throws SQLException {
        List<Object> all = new ArrayList<>(List.of(tenant));
        all.addAll(List.of(parameters));
        List<ImportRecord> records = new ArrayList<>();
        try (PreparedStatement query = Jdbc.prepare(connection, "SELECT import_id, file_name, content_hash, parser_id, imported_at, invoices, "
                + "line_count FROM bl_import WHERE tenant = ? " + condition + " ORDER BY import_id DESC", all);
                ResultSet row = query.executeQuery()) {
            while (row.next()) {
                records.add(new ImportRecord(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getTimestamp(5).toInstant(), row.getLong(6), row.getLong(7)));
            }
        }
        return records;
    }

    /** The invoice a resumed import already stored under this header, if it did. */
    static Optional<StoredInvoice> stored(Connection connection, String tenant, long importId, InvoiceHeader header) throws SQLException {
        return LedgerSql.invoices(connection, "SELECT " + Rows.INVOICE_COLUMNS + " FROM bl_invoice i WHERE i.tenant = ? AND i.import_id = ? "
                + "AND i.carrier = ? AND i.account = ? AND i.invoice_number = ?",
                List.of(tenant, importId, header.carrier(), header.account(), header.number())).stream().findFirst();
    }
}
