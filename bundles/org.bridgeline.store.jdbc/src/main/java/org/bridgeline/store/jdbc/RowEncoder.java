package org.bridgeline.store.jdbc;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A table's rows encoded in the engine's bulk format apart from any connection, on whichever
 * thread gives the values; the rows are written later, on the transaction's thread, by
 * {@link BulkRows#appendEncoded}. One thread at a time.
 */
@ConsumerType
public interface RowEncoder extends RowValues {

    /** The rows encoded since the last call. */
    EncodedRows take();
}
