package org.bridgeline.parser.layout.internal;

import java.io.InputStream;
import org.bridgeline.api.parser.BillingParser;

/** Makes the parser of a profile, for the exported {@code LayoutProfiles}. */
public final class LayoutParsers {

    private LayoutParsers() {
    }

    /** @throws IllegalArgumentException with the profile's mistake: file, field, expected, found */
    public static BillingParser of(InputStream profile, String source) {
        try {
            return new LayoutParser(ProfileReader.read(profile, source));
        } catch (ProfileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
