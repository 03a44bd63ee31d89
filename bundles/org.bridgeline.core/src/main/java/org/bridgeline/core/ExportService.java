package org.bridgeline.core;

import java.io.IOException;
import java.nio.file.Path;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.store.StoreException;
import org.osgi.annotation.versioning.ProviderType;

/** Writes the book of business in other schemas. */
@ProviderType
public interface ExportService {

    /**
     * Writes the current charge lines matching the query as FinOps FOCUS cost-and-usage rows (CSV),
     * streaming: any number of lines in flat memory.
     *
     * @return the number of rows written
     */
    long exportFocus(String tenant, LineQuery query, Path file) throws IOException, StoreException;
}
