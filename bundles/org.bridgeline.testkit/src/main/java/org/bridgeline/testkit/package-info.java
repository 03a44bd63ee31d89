/**
 * Test support for Bridgeline plugins: record what a parser streams, find shared sample files,
 * an in-memory book of business and configuration defaults for detector tests.
 */
@Export
@Version("1.0.0")
package org.bridgeline.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
