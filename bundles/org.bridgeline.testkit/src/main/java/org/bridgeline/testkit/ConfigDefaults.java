package org.bridgeline.testkit;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A component property type as Configuration Admin gives it when no configuration exists: every
 * method returns its declared default, unless overridden by name. Lets a detector test build a
 * detector with its documented defaults and change only what the test is about.
 */
public final class ConfigDefaults {

    private ConfigDefaults() {
    }

    /** The configuration type with its defaults. */
    public static <A extends Annotation> A of(Class<A> type) {
        return of(type, Map.of());
    }

    /** The configuration type with its defaults, and the given methods returning the given values. */
    public static <A extends Annotation> A of(Class<A> type, Map<String, Object> overrides) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            String name = method.getName();
            if (overrides.containsKey(name)) {
                return overrides.get(name);
            }
            return switch (name) {
                case "annotationType" -> type;
                case "toString" -> type.getSimpleName() + " defaults " + overrides;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> {
                    Object value = method.getDefaultValue();
                    if (value == null) {
                        throw new IllegalStateException(type.getName() + "." + name + " has no default and was not given");
                    }
                    yield value;
                }
            };
        }));
    }
}
