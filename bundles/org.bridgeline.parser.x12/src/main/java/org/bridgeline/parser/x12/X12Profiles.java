package org.bridgeline.parser.x12;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bridgeline.api.parser.BillingParser;
import org.bridgeline.parser.x12.internal.X12Format;

/**
 * An X12 811 profile as the parser the runtime makes of it, for a profile-only bundle's own test:
 * {@code ParserConformance.of(X12Profiles.parser(Path.of("src/main/resources/x12-profiles/acme.json")))} checks the
 * profile against sample bills before the jar of JSON is deployed.
 */
public final class X12Profiles {

    private X12Profiles() {
    }

    /**
     * The parser a profile makes.
     *
     * @throws IOException when the profile cannot be read or has a mistake: the message names the file and the field
     */
    public static BillingParser parser(Path profile) throws IOException {
        try (InputStream in = Files.newInputStream(profile)) {
            return new X12Format().parser(in, profile.getFileName().toString());
        }
    }
}
