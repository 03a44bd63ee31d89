/**
 * The store, by role: {@link org.bridgeline.store.ImportStore} (imports, one transaction per
 * invoice), {@link org.bridgeline.store.AuditStore} (runs, findings, evidence),
 * {@link org.bridgeline.store.InputStore} (contracts, inventory, orders, requirements),
 * {@link org.bridgeline.store.BookStore} (a tenant's book as detectors and operators read it),
 * {@link org.bridgeline.store.TenantStore} (tenants and API tokens),
 * {@link org.bridgeline.store.IntakeStore} (bills on their way in, claimed by one runtime at a time) and
 * {@link org.bridgeline.store.DisputeStore} (disputes, their history and the credits that settle them).
 * Core and the console depend on the role they use; plugins never see the store (they read through
 * {@link org.bridgeline.api.detect.BookOfBusiness}). Every call names its tenant, or is bound to one.
 */
@Export
@Version("2.9.0")
package org.bridgeline.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
