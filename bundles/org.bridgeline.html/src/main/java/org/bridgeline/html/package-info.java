/**
 * HTML and SVG as Bridgeline writes them for people: the negotiation packages' pages and the
 * dashboard's views use the same escaping and the same charts, so a figure looks and reads the same
 * in both.
 */
@Export
@Version("1.0.0")
package org.bridgeline.html;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
