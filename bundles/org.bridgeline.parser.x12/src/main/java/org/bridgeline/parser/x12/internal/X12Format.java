package org.bridgeline.parser.x12.internal;

import java.io.IOException;
import java.io.InputStream;
import org.bridgeline.api.parser.BillingParser;
import org.bridgeline.api.parser.ProfileFormat;
import org.osgi.service.component.annotations.Component;

/**
 * X12 811 dialects, {@code x12-profiles/*.json} in any bundle (this one's standard and Northwind profiles included), as
 * parsers: a carrier's 811 is hot-deployed as a jar of one JSON file.
 */
@Component(service = ProfileFormat.class)
public final class X12Format implements ProfileFormat {

    @Override
    public String folder() {
        return "x12-profiles";
    }

    @Override
    public BillingParser parser(InputStream profile, String source) throws IOException {
        return new X12Parser(X12Profile.read(profile, source));
    }
}
