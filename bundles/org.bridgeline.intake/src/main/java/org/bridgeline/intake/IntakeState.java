package org.bridgeline.intake;

/** Where a bill is: waiting in the inbox, being imported, imported (and audited), or refused with a reason. */
public enum IntakeState {
    RECEIVED, PROCESSING, DONE, FAILED
}
