package org.bridgeline.store.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Money;
import org.bridgeline.store.EncodedLines;
import org.bridgeline.store.InvoiceWriter;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredInvoice;

/**
 * One invoice in one transaction on a connection of its own. Lines go through the database's bulk
 * rows, which write into the open transaction once a statement has begun it; commit makes the
 * invoice row and its lines visible together, rollback (or a crash) leaves nothing.
 */
final class SqlInvoiceWriter implements InvoiceWriter {

    private final String tenant;
    private final long importId;
    private final InvoiceHeader header;
    private final Database database;
    private final Connection connection;
    private final BulkRows appender;
    /** Whether the rows' tenant and invoice are given once for all ({@link Database#encodesRows}), not in each row. */
    private final boolean ownerGiven;
    private final long invoiceId;
    private BigDecimal lineTotal = BigDecimal.ZERO;
    private long lines;
    private boolean done;
    private boolean released;

    SqlInvoiceWriter(Database database, String tenant, long importId, InvoiceHeader header) throws StoreException {
        this.database = database;
        this.tenant = tenant;
        this.importId = importId;
        this.header = header;
        this.connection = database.connect(tenant);
        try {
            connection.setAutoCommit(false);
            // the first statement opens the transaction the appender then writes into
            try (Statement statement = connection.createStatement();
                    ResultSet next = statement.executeQuery("SELECT nextval('bl_invoice_seq')")) {
                next.next();
                this.invoiceId = next.getLong(1);
            }
            this.ownerGiven = database.encodesRows();
            this.appender = ownerGiven ? database.bulk(connection, "bl_line", List.of(tenant, invoiceId)) : database.bulk(connection, "bl_line");
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the failure below is the one to report
            }
            throw Database.failure("cannot begin invoice " + header.number(), e);
        }
    }

    @Override
    public void append(ChargeLine line) throws StoreException {
        checkOpen();
        long lineNo = lines + 1;
        try {
            if (ownerGiven) {
                LineColumns.appendInvoiceLineAfterOwner(appender, lineNo, line, header);
            } else {
                LineColumns.appendInvoiceLine(appender, tenant, invoiceId, lineNo, line, header);
            }
        } catch (SQLException e) {
            throw new StoreException(line.source() + ": cannot store the line: " + e.getMessage(), e);
        }
        lines = lineNo;
        lineTotal = lineTotal.add(line.amount().amount());
    }

    @Override
    public void append(EncodedLines encoded) throws StoreException {
        if (!(encoded instanceof SqlLineEncoder.Lines batch)) {
            InvoiceWriter.super.append(encoded);
            return;
        }
        checkOpen();
        if (batch.firstLine() != lines + 1) {
            throw new IllegalStateException("invoice " + header.number() + ": encoded lines from line " + batch.firstLine()
                    + " after " + lines + " lines: an invoice's lines come one by one or encoded, in order");
        }
        try {
            appender.appendEncoded(batch.rows());
        } catch (SQLException e) {
            throw new StoreException("invoice " + header.number() + " (" + header.source() + "): cannot store lines "
                    + batch.firstLine() + " to " + (batch.firstLine() + batch.count() - 1) + ": " + e.getMessage(), e);
        }
        lines += batch.count();
        lineTotal = lineTotal.add(batch.total());
    }

    private void checkOpen() {
        if (done) {
            throw new IllegalStateException("invoice " + header.number() + " is already committed or rolled back");
        }
    }

    @Override
    public StoredInvoice commit(Money statedTotal) throws StoreException {
        checkOpen();
        BigDecimal stated = statedTotal == null ? null : Decimals.exact(statedTotal.amount(), "stated total", header.source());
        try {
            appender.flush();
            // two writers of one invoice (two runtimes, one file) take turns: the second sees the first and supersedes it
            database.serialize(connection, "invoice/" + tenant + "/" + header.carrier() + "/" + header.account() + "/" + header.number());
            long supersedes = 0;
            int revision = 1;
            try (PreparedStatement current = connection.prepareStatement("SELECT invoice_id, revision FROM bl_invoice "
                    + "WHERE tenant = ? AND carrier = ? AND account = ? AND invoice_number = ? AND superseded_by = 0")) {
                current.setString(1, tenant);
                current.setString(2, header.carrier());
                current.setString(3, header.account());
                current.setString(4, header.number());
                try (ResultSet found = current.executeQuery()) {
                    if (found.next()) {
                        supersedes = found.getLong(1);
                        revision = found.getInt(2) + 1;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bl_invoice (tenant, invoice_id, "
                    + "import_id, carrier, account, sub_account, invoice_number, invoice_date, period_start, period_end, "
                    + "currency, stated_total, line_total, line_count, revision, supersedes, superseded_by, source_file, "
                    + "source_record, source_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")) {
                int i = 1;
                insert.setString(i++, tenant);
                insert.setLong(i++, invoiceId);
                insert.setLong(i++, importId);
                insert.setString(i++, header.carrier());
                insert.setString(i++, header.account());
                insert.setString(i++, header.subAccount());
                insert.setString(i++, header.number());
                insert.setDate(i++, Date.valueOf(header.date()));
                insert.setDate(i++, header.billingPeriod() == null ? null : Date.valueOf(header.billingPeriod().start()));
                insert.setDate(i++, header.billingPeriod() == null ? null : Date.valueOf(header.billingPeriod().end()));
                insert.setString(i++, header.currency().getCurrencyCode());
                insert.setBigDecimal(i++, stated);
                insert.setBigDecimal(i++, Decimals.exact(lineTotal, "line total", header.source()));
                insert.setLong(i++, lines);
                insert.setInt(i++, revision);
                insert.setLong(i++, supersedes);
                insert.setString(i++, header.source().file());
                insert.setLong(i++, header.source().record());
                insert.setLong(i++, header.source().line());
                insert.executeUpdate();
            }
            if (supersedes != 0) {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE bl_invoice SET superseded_by = ? WHERE tenant = ? AND invoice_id = ?")) {
                    update.setLong(1, invoiceId);
                    update.setString(2, tenant);
                    update.setLong(3, supersedes);
                    update.executeUpdate();
                }
            }
            try (PreparedStatement count = connection.prepareStatement("UPDATE bl_import SET invoices = invoices + 1, "
                    + "line_count = line_count + ? WHERE tenant = ? AND import_id = ?")) {
                count.setLong(1, lines);
                count.setString(2, tenant);
                count.setLong(3, importId);
                count.executeUpdate();
            }
            connection.commit();
            done = true;
            return new StoredInvoice(invoiceId, importId, header, statedTotal,
                    new Money(lineTotal, header.currency()), lines, revision, supersedes);
        } catch (SQLException e) {
            rollback();
            throw new StoreException("invoice " + header.number() + " (" + header.source() + "): not stored, nothing of it kept: "
                    + e.getMessage(), e);
        } finally {
            release();
        }
    }

    @Override
    public void rollback() {
        if (done) {
            return;
        }
        done = true;
        try {
            // flush first: rows still buffered in the appender would otherwise be written after the rollback
            appender.flush();
        } catch (SQLException e) {
            // the rollback below discards whatever did reach the transaction
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            // closing the connection without a commit discards the transaction as well
        }
        release();
    }

    private void release() {
        if (released) {
            return;
        }
        released = true;
        try {
            appender.close();
        } catch (SQLException e) {
            // nothing buffered is left to lose
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // the transaction is already committed or rolled back
        }
    }

    @Override
    public void close() {
        rollback();
    }
}
