/**
 * A seeded enterprise with injected anomalies and their ground truth, to measure a detector's
 * precision and recall.
 */
@Export
@Version("1.0.0")
package org.bridgeline.testkit.enterprise;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
