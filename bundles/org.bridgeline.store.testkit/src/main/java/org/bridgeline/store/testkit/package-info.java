/**
 * The store contract suite: {@link org.bridgeline.store.testkit.StoreContract}, extended once per
 * store implementation.
 */
@Export
@Version("1.0.0")
package org.bridgeline.store.testkit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
