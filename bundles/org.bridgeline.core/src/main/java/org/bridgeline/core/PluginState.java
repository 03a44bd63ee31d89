package org.bridgeline.core;

/** Where a plugin stands. */
public enum PluginState {
    /** Registered and usable. */
    ACTIVE,
    /** Its bundle is installed but cannot resolve: a requirement is missing. */
    UNRESOLVED,
    /** Its bundle resolved but a component failed or waits for something. */
    FAILED,
    /** Its bundle is installed and resolved but not started. */
    STOPPED,
    /** The jar in deploy/ is not an installable bundle (no manifest, no symbolic name, broken). */
    REJECTED,
    /** Another jar with the same symbolic name and a higher version is deployed; this one is not run. */
    SUPERSEDED
}
