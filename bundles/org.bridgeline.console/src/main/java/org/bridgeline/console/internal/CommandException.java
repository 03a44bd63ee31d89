package org.bridgeline.console.internal;

/** A command that cannot do what was asked; the message is the one line the operator sees. */
final class CommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CommandException(String message) {
        super(message, null, false, false);
    }
}
