package org.bridgeline.core.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a resolver requirement filter into words an operator reads:
 * {@code (&(osgi.wiring.package=org.foo)(version>=2.0.0)(!(version>=3.0.0)))} becomes
 * {@code package org.foo version [2.0.0,3.0.0)}.
 */
final class RequirementText {

    private static final Pattern ATTRIBUTE = Pattern.compile("\\((osgi\\.wiring\\.package|osgi\\.wiring\\.bundle|osgi\\.extender|osgi\\.ee|objectClass|osgi\\.identity)=([^)]*)\\)");
    private static final Pattern LOWER = Pattern.compile("(?<!!)\\((version|bundle-version)>=([^)]*)\\)");
    private static final Pattern UPPER_EXCLUSIVE = Pattern.compile("\\(!\\((version|bundle-version)>=([^)]*)\\)\\)");
    private static final Pattern UPPER_INCLUSIVE = Pattern.compile("\\((version|bundle-version)<=([^)]*)\\)");

    private RequirementText() {
    }

    /** The name the requirement asks for (package, bundle, extender...), or {@code null}. */
    static String name(String filter) {
        Matcher matcher = ATTRIBUTE.matcher(filter == null ? "" : filter);
        return matcher.find() ? matcher.group(2) : null;
    }

    static String describe(String namespace, String filter) {
        String kind = switch (namespace) {
            case "osgi.wiring.package" -> "package";
            case "osgi.wiring.bundle" -> "bundle";
            case "osgi.wiring.host" -> "fragment host";
            case "osgi.extender" -> "extender";
            case "osgi.ee" -> "execution environment";
            case "osgi.service" -> "service";
            default -> namespace;
        };
        String name = name(filter);
        if (name == null) {
            return kind + " " + filter;
        }
        String lower = find(LOWER, filter);
        String upperExclusive = find(UPPER_EXCLUSIVE, filter);
        String upperInclusive = find(UPPER_INCLUSIVE, filter);
        StringBuilder text = new StringBuilder(kind).append(' ').append(name);
        if (lower != null || upperExclusive != null || upperInclusive != null) {
            text.append(" version ");
            if (upperExclusive == null && upperInclusive == null) {
                text.append(lower).append(" or later");
            } else {
                text.append(lower == null ? "[0" : "[" + lower).append(',')
                        .append(upperExclusive != null ? upperExclusive + ")" : upperInclusive + "]");
            }
        }
        return text.toString();
    }

    private static String find(Pattern pattern, String filter) {
        Matcher matcher = pattern.matcher(filter);
        return matcher.find() ? matcher.group(2) : null;
    }
}
