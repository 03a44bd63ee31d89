package org.bridgeline.store.testkit;

import org.bridgeline.store.AuditStore;
import org.bridgeline.store.BookStore;
import org.bridgeline.store.DisputeStore;
import org.bridgeline.store.ImportStore;
import org.bridgeline.store.IntakeStore;
import org.bridgeline.store.InputStore;
import org.bridgeline.store.TenantStore;

/**
 * The roles of one store implementation over one fresh database, and how to close it.
 *
 * @param imports the import role
 * @param audits  the audit role
 * @param inputs  the input role
 * @param books   the read role
 * @param tenants the registry role (tenants and API tokens)
 * @param intake  the intake role (bills claimed by one runtime at a time)
 * @param disputes the dispute role
 * @param close   closes the database
 */
public record Stores(ImportStore imports, AuditStore audits, InputStore inputs, BookStore books, TenantStore tenants,
        IntakeStore intake, DisputeStore disputes, AutoCloseable close) {
}
