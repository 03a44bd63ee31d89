/** Negotiation packages: what each carrier is told to expect. */
@Export
@Version("1.2.0")
package org.bridgeline.negotiation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
