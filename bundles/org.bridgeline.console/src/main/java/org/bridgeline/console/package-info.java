/**
 * The console's command SPI: a bundle contributes a {@code bl:} command by registering a
 * {@link org.bridgeline.console.ConsoleCommand}; the console adds it to Gogo (and so to every
 * console: the local one, {@code bin/bridgeline exec|client}), lists it in {@code bl:help}, answers
 * {@code --help} with its usage and parses its options with {@link org.bridgeline.console.Arguments}.
 */
@Export
@Version("1.2.0")
package org.bridgeline.console;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
