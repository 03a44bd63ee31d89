/**
 * The store service: the book of business as it is kept. Core writes imported invoices through
 * it and reads them back; plugins never see it (they read through
 * {@link org.bridgeline.api.detect.BookOfBusiness}). Every call names its tenant.
 */
@Export
@Version("1.1.0")
package org.bridgeline.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
