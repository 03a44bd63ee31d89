/**
 * The store's roles in portable SQL, for store implementations (never for plugins): a database
 * bundle implements {@link org.bridgeline.store.jdbc.Database} (connections bound to a tenant,
 * bulk rows, an exclusive hold per tenant) and registers {@link org.bridgeline.store.jdbc.SqlImportStore},
 * {@link org.bridgeline.store.jdbc.SqlAuditStore}, {@link org.bridgeline.store.jdbc.SqlInputStore},
 * {@link org.bridgeline.store.jdbc.SqlBookStore}, {@link org.bridgeline.store.jdbc.SqlTenantStore} and
 * {@link org.bridgeline.store.jdbc.SqlIntakeStore} over it. The SQL, the migrations and the row mapping
 * live here once.
 */
@Export
@Version("1.5.0")
package org.bridgeline.store.jdbc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
