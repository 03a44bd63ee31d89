package org.bridgeline.core;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told after an import stored invoices for a tenant: a whiteboard service (the dispute bundle's
 * credit matching registers one). A listener runs after the invoices are committed; one that fails
 * is logged and never fails the import nor keeps the others from running.
 */
@ConsumerType
public interface ImportListener {

    /** The tenant's import ended and stored at least one invoice; the report says which. */
    void imported(String tenant, ImportReport report) throws Exception;
}
