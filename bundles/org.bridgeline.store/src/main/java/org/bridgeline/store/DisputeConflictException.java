package org.bridgeline.store;

/** A dispute change refused because of another: a finding another open dispute holds, or a change made meanwhile. */
public class DisputeConflictException extends StoreException {

    private static final long serialVersionUID = 1L;

    public DisputeConflictException(String message) {
        super(message);
    }
}
