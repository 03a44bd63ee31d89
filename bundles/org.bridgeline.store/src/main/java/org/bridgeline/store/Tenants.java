package org.bridgeline.store;

/** Tenants: every stored row belongs to one. */
public final class Tenants {

    /** The tenant of the embedded, single-operator runtime, and of every console command that names none. */
    public static final String DEFAULT = "default";

    private Tenants() {
    }
}
