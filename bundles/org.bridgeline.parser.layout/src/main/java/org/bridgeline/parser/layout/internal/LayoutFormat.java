package org.bridgeline.parser.layout.internal;

import java.io.IOException;
import java.io.InputStream;
import org.bridgeline.api.parser.BillingParser;
import org.bridgeline.api.parser.ProfileFormat;
import org.osgi.service.component.annotations.Component;

/** Layout profiles, {@code layouts/*.json} in any bundle (this one's shipped layouts included), as parsers. */
@Component(service = ProfileFormat.class)
public final class LayoutFormat implements ProfileFormat {

    @Override
    public String folder() {
        return "layouts";
    }

    @Override
    public BillingParser parser(InputStream profile, String source) throws IOException {
        try {
            return new LayoutParser(ProfileReader.read(profile, source));
        } catch (ProfileException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
