/** X12 811 profiles, for a profile-only bundle's test: the parser a profile makes. */
@Export
@Version("1.0.0")
package org.bridgeline.parser.x12;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
