/**
 * The Bridgeline domain model: immutable values that travel between core and plugins.
 *
 * <p>Money is always {@link org.bridgeline.api.model.Money}: a {@code BigDecimal} amount with
 * the bill's currency, never a floating-point number. Dates are {@code LocalDate}. Every charge
 * line carries the {@link org.bridgeline.api.model.SourcePosition} it was read from, so every
 * figure Bridgeline reports traces back to a file and a record.
 */
@Export
@Version("1.2.0")
package org.bridgeline.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
