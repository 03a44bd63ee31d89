/**
 * Continuous intake: {@link org.bridgeline.intake.IntakeService} takes a tenant's bills (uploaded,
 * or dropped into its inbox), imports each once it is whole, runs the tenant's audit for the bills
 * that arrived together, and tells where each bill is. Several runtimes on one database share the
 * work: each bill is claimed by one of them at a time, and taken over when that runtime dies.
 */
@Export
@Version("2.0.0")
package org.bridgeline.intake;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
