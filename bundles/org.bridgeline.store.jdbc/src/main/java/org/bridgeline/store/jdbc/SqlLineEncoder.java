package org.bridgeline.store.jdbc;

import java.math.BigDecimal;
import java.sql.SQLException;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.store.EncodedLines;
import org.bridgeline.store.LineEncoder;
import org.bridgeline.store.StoreException;

/**
 * An invoice's lines encoded as rows of bl_line after their tenant and invoice, which the writer
 * gives once when it writes them ({@link Database#bulk(java.sql.Connection, String, java.util.List)}):
 * the invoice's id is not known until its writer opens.
 */
final class SqlLineEncoder implements LineEncoder {

    /** The columns of bl_line every row of an invoice shares: tenant and invoice id. */
    static final int OWNER_COLUMNS = 2;

    /** Encoded lines of one invoice, numbered from {@code firstLine}, and the sum of their amounts. */
    record Lines(EncodedRows rows, long firstLine, BigDecimal total) implements EncodedLines {
        @Override
        public long count() {
            return rows.rows();
        }
    }

    private final RowEncoder rows;
    private final InvoiceHeader header;
    private long lines;
    private long firstTaken = 1;
    private BigDecimal total = BigDecimal.ZERO;

    SqlLineEncoder(RowEncoder rows, InvoiceHeader header) {
        this.rows = rows;
        this.header = header;
    }

    @Override
    public void add(ChargeLine line) throws StoreException {
        try {
            LineColumns.appendInvoiceLineAfterOwner(rows, lines + 1, line, header);
        } catch (SQLException e) {
            throw new StoreException(line.source() + ": cannot encode the line: " + e.getMessage(), e);
        }
        lines++;
        total = total.add(line.amount().amount());
    }

    @Override
    public EncodedLines take() {
        Lines taken = new Lines(rows.take(), firstTaken, total);
        firstTaken = lines + 1;
        total = BigDecimal.ZERO;
        return taken;
    }
}
