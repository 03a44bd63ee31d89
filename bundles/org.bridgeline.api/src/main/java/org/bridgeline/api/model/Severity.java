package org.bridgeline.api.model;

/** How urgently a finding needs attention. */
public enum Severity {
    INFO,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
