package org.bridgeline.store;

import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Money;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One invoice being stored: one transaction. Lines stream in through {@link #append}; nothing is
 * visible to anyone until {@link #commit}, and {@link #rollback} (or {@link #close} without a
 * commit, or the process dying) leaves no trace of the invoice. Not thread-safe: one writer, one
 * thread.
 */
@ProviderType
public interface InvoiceWriter extends AutoCloseable {

    /** Adds a line of this invoice. Amounts are stored exactly or refused, never rounded. */
    void append(ChargeLine line) throws StoreException;

    /**
     * Adds lines encoded for this invoice by its store's {@link ImportStore#lineEncoder}, numbered after
     * those added before. An invoice's lines come one by one or encoded, not both.
     */
    default void append(EncodedLines lines) throws StoreException {
        if (!(lines instanceof EncodedLines.Unencoded unencoded)) {
            throw new IllegalArgumentException("lines encoded by another store: " + lines.getClass().getName());
        }
        for (ChargeLine line : unencoded.lines()) {
            append(line);
        }
    }

    /**
     * Makes the invoice and all its lines visible at once.
     *
     * @param statedTotal the total the bill states, or {@code null}
     */
    StoredInvoice commit(Money statedTotal) throws StoreException;

    /** Discards the invoice and every line appended so far. */
    void rollback();

    /** Rolls back unless committed. */
    @Override
    void close();
}
