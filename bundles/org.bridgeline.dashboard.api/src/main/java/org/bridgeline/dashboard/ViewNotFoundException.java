package org.bridgeline.dashboard;

/** What a view was asked for is not the tenant's, or never was: the caller sees "not found" either way. */
public final class ViewNotFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    public ViewNotFoundException(String what) {
        super("no " + what);
    }
}
