package org.bridgeline.console;

/** A command that cannot do what was asked; the message is the one line the operator sees (no stack trace). */
public final class CommandException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message, null, false, false);
    }
}
