/**
 * Features: named sets of bundles and configurations, described in OSGi R8 Feature JSON, that
 * the runtime installs at boot and an operator installs or uninstalls from the console.
 */
@Export
@Version("1.0.0")
package org.bridgeline.features;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
