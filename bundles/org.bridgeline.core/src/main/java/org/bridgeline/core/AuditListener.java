package org.bridgeline.core;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told after an audit run is stored: a whiteboard service (the dispute bundle's review of disputed
 * charges that stopped registers one). It runs after the audit has released its turn; one that fails
 * is logged and never fails the audit.
 */
@ConsumerType
public interface AuditListener {

    /**
     * @param tenant        the tenant audited
     * @param runId         the run stored
     * @param carrier       the one carrier audited, or {@code null} for the whole book
     * @param everyDetector whether every detector ran (not one named)
     */
    void audited(String tenant, long runId, String carrier, boolean everyDetector) throws Exception;
}
