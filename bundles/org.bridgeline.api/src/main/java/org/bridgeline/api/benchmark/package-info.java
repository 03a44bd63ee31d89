/**
 * The benchmark provider SPI: a plugin that knows market prices for kinds of service.
 */
@Export
@Version("1.0.0")
package org.bridgeline.api.benchmark;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
