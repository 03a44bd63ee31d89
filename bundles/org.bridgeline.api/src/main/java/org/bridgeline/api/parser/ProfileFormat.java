package org.bridgeline.api.parser;

import java.io.IOException;
import java.io.InputStream;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of profile that is data and becomes a parser: layouts, X12 811 dialects. A bundle providing a format registers
 * it; from then on every active bundle carrying {@code folder()/*.json} gets one parser per profile, registered in that
 * bundle's name for as long as it is active, so a carrier is hot-deployed as a jar of JSON. A profile that cannot be read
 * is a failed plugin of its bundle ({@link RejectedProfile}) with the reason.
 */
@ConsumerType
public interface ProfileFormat {

    /** The folder of a bundle that holds this format's profiles, such as {@code layouts}. */
    String folder();

    /**
     * The parser a profile describes.
     *
     * @param profile the profile's bytes
     * @param source  where it comes from ({@code bundle!/folder/file.json}), for messages
     * @throws IOException when the profile cannot be read or has a mistake; the message names the field and what is wrong
     */
    BillingParser parser(InputStream profile, String source) throws IOException;
}
