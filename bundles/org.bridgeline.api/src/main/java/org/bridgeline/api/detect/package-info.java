/**
 * The anomaly detector SPI: a plugin that finds what is wrong in the book of business.
 */
@Export
@Version("1.5.0")
package org.bridgeline.api.detect;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
