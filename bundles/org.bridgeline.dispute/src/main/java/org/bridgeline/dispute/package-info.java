/**
 * Disputes: {@link org.bridgeline.dispute.DisputeService} groups findings of one carrier account
 * into a dispute, follows it through its states with who changed it and why, writes its letter,
 * and matches the credit and adjustment lines of later bills back to the open disputes they pay.
 * The disputes themselves are {@link org.bridgeline.store.DisputeRecord}s, kept by the store's
 * dispute role.
 */
@Export
@Version("1.0.0")
package org.bridgeline.dispute;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
