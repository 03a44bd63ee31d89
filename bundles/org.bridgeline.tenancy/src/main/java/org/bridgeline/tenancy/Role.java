package org.bridgeline.tenancy;

import java.util.Locale;

/** What a token may do: a viewer reads; an operator also uploads, imports, audits and writes packages. */
public enum Role {
    VIEWER, OPERATOR;

    /** Whether a caller of this role may do what needs the given one. */
    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** The role named as the console and the API name it: {@code viewer} or {@code operator}. */
    public static Role named(String name) {
        for (Role role : values()) {
            if (role.label().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("role: expected viewer or operator, found \"" + name + "\"");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
