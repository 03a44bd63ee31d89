package org.bridgeline.api.parser;

import java.util.Objects;

/**
 * A profile a bundle carries (a declarative layout, an X12 dialect) that could not become a
 * parser. The extender that read it registers one as a service in the carrying bundle's name, so
 * the runtime lists it as a failed parser ({@code bl:plugins}) and its health says so, until the
 * bundle goes or is fixed.
 *
 * @param source the profile's file, as {@code bundle!path}
 * @param reason one line: the field, what was expected and what was found
 */
public record RejectedProfile(String source, String reason) {

    public RejectedProfile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
    }

    /** The profile's file name without its folder, e.g. {@code acme.json}. */
    public String fileName() {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('!'));
        return source.substring(slash + 1);
    }
}
