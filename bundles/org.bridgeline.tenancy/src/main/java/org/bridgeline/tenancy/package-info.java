/**
 * Tenants and API tokens: {@link org.bridgeline.tenancy.TenantService} adds tenants, issues and
 * revokes tokens, and tells who a presented token speaks for ({@link org.bridgeline.tenancy.Caller}).
 * The console and the HTTP API depend on it; the tenant of a request always comes from here.
 */
@Export
@Version("2.0.0")
package org.bridgeline.tenancy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
