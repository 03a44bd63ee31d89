/**
 * The dashboard's extension point: a bundle contributes a view by registering a
 * {@link org.bridgeline.dashboard.DashboardView} service, and the shell lists it in its navigation
 * from then on (and drops it when the bundle goes), the way views come from plugins in an RCP
 * workbench. A view renders its main content as HTML for the signed-in caller's tenant;
 * {@code Html} (in {@code org.bridgeline.html}) escapes what it writes.
 */
@Export
@Version("1.1.0")
package org.bridgeline.dashboard;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
