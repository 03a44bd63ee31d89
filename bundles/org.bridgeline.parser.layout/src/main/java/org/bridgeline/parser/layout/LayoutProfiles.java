package org.bridgeline.parser.layout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bridgeline.api.parser.BillingParser;
import org.bridgeline.parser.layout.internal.LayoutFormat;

/**
 * A layout profile as the parser the runtime makes of it, for a profile-only bundle's own test:
 * {@code ParserConformance.of(LayoutProfiles.parser(Path.of("src/main/resources/layouts/acme.json")))}
 * checks the profile against sample files before the jar of JSON is deployed.
 */
public final class LayoutProfiles {

    private LayoutProfiles() {
    }

    /**
     * The parser a profile makes.
     *
     * @throws IOException when the profile cannot be read or has a mistake: the message names the file and the field, as the
     *                     runtime would in bl:plugins
     */
    public static BillingParser parser(Path profile) throws IOException {
        try (InputStream in = Files.newInputStream(profile)) {
            return new LayoutFormat().parser(in, profile.getFileName().toString());
        }
    }
}
