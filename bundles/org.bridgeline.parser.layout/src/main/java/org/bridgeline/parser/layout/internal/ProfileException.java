package org.bridgeline.parser.layout.internal;

/** A layout profile that cannot be used; the message says where and what. */
final class ProfileException extends Exception {

    private static final long serialVersionUID = 1L;

    ProfileException(String message) {
        super(message);
    }
}
