/**
 * The billing parser SPI: a plugin that reads one carrier's bill format.
 *
 * <p>A partner implements {@link org.bridgeline.api.parser.BillingParser} and registers it as
 * an OSGi service (a Declarative Services component). Core finds it at once, asks it how sure
 * it is about each file it imports, and streams the chosen file through it.
 */
@Export
@Version("1.2.0")
package org.bridgeline.api.parser;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
