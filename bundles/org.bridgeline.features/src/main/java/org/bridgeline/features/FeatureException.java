package org.bridgeline.features;

/** A feature that cannot be read, installed or uninstalled; the message is one line for an operator. */
public class FeatureException extends Exception {

    private static final long serialVersionUID = 1L;

    public FeatureException(String message) {
        super(message);
    }

    public FeatureException(String message, Throwable cause) {
        super(message, cause);
    }
}
