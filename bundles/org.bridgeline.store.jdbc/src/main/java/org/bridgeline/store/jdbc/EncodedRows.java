package org.bridgeline.store.jdbc;

/** Rows a {@link RowEncoder} encoded, in its engine's own bulk format, for {@link BulkRows#appendEncoded}. */
public record EncodedRows(byte[] bytes, long rows) {
}
