/**
 * The services core offers the console and the launcher: the plugin registry and runtime
 * health. Plugins never use this package; they see only {@code org.bridgeline.api}.
 */
@Export
@Version("2.3.0")
package org.bridgeline.core;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
