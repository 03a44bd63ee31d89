package org.bridgeline.runtime;

/**
 * Finds the OSGi API interface an in-framework object implements, so the launcher can call it
 * without a copy of that API on its own class path (which would split the class space).
 */
final class Reflection {

    private Reflection() {
    }

    /** The interface named {@code name} among those {@code type} implements, directly or through its parents. */
    static Class<?> publicInterface(Class<?> type, String name) throws ClassNotFoundException {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Class<?> candidate : current.getInterfaces()) {
                Class<?> found = find(candidate, name);
                if (found != null) {
                    return found;
                }
            }
        }
        throw new ClassNotFoundException(name + " is not implemented by " + type.getName());
    }

    private static Class<?> find(Class<?> candidate, String name) {
        if (candidate.getName().equals(name)) {
            return candidate;
        }
        for (Class<?> parent : candidate.getInterfaces()) {
            Class<?> found = find(parent, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
