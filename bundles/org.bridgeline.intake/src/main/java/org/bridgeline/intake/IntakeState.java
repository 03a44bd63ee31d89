package org.bridgeline.intake;

/** Where a bill is: waiting in the inbox, being imported, imported with its audit to come, done (imported and audited), or refused with a reason. */
public enum IntakeState {
    RECEIVED, PROCESSING, IMPORTED, DONE, FAILED
}
