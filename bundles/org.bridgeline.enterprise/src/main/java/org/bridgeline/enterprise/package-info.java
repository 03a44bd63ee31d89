/**
 * A seeded enterprise with injected anomalies and their ground truth: in memory for detector
 * tests, as files in carrier formats for imports, demos and end-to-end tests.
 */
@Export
@Version("1.1.0")
package org.bridgeline.enterprise;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
