package org.bridgeline.store;

import java.util.List;
import java.util.Optional;
import org.bridgeline.api.model.InvoiceHeader;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The import role: files recorded as they are imported, their invoices written one transaction
 * each. Methods may block while the database opens (an embedded database may open at first use).
 */
@ProviderType
public interface ImportStore {

    /** One line for {@code bl:status}: the database, where it is, and whether it is open. */
    String description();

    /**
     * Whether the database can be used now: a database that opens at first use opens for this. False when it cannot
     * open; {@link #description()} and the log say why.
     */
    boolean ready();

    /** The import of this exact content, if it was imported before. */
    Optional<ImportRecord> findImport(String tenant, String contentHash) throws StoreException;

    /** Records that a file is being imported; returns the import id its invoices carry. An unfinished import of the same content is resumed. */
    long beginImport(String tenant, String fileName, String contentHash, String parserId) throws StoreException;

    /** Opens the transaction for one invoice. */
    InvoiceWriter writeInvoice(String tenant, long importId, InvoiceHeader header) throws StoreException;

    /**
     * An encoder of the invoice's lines for the writer {@link #writeInvoice} opens for it, usable before
     * that writer exists and on another thread: the encoding is the store's, the database is not touched.
     */
    default LineEncoder lineEncoder(String tenant, InvoiceHeader header) {
        return LineEncoder.unencoded();
    }

    /** Records the counts of a finished import. An import that stored no invoice is forgotten, so it can be retried. */
    ImportRecord finishImport(String tenant, long importId) throws StoreException;

    /** Every import, newest first. */
    List<ImportRecord> imports(String tenant) throws StoreException;
}
