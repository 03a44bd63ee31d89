package org.bridgeline.store.jdbc;

import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Money;
import org.bridgeline.store.EncodedLines;
import org.bridgeline.store.InvoiceWriter;
import org.bridgeline.store.StoredInvoice;

/** An invoice an interrupted import already stored: resuming the import keeps it as it is. */
final class AlreadyStoredWriter implements InvoiceWriter {

    private final StoredInvoice stored;

    AlreadyStoredWriter(StoredInvoice stored) {
        this.stored = stored;
    }

    @Override
    public void append(ChargeLine line) {
        // stored in full before the interruption
    }

    @Override
    public void append(EncodedLines lines) {
        // stored in full before the interruption
    }

    @Override
    public StoredInvoice commit(Money statedTotal) {
        return stored;
    }

    @Override
    public void rollback() {
        // nothing was begun
    }

    @Override
    public void close() {
        // nothing was begun
    }
}
