package org.bridgeline.tenancy.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** The text of a token: {@code blt_<id>_<secret>}, an id of 8 random bytes in hex and a secret of 32 random bytes in base64url. */
record TokenText(String id, String secret) {

    private static final String PREFIX = "blt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    static TokenText random() {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return new TokenText(HexFormat.of().formatHex(id), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The parts of a presented token, or empty when it is not one (the secret may itself hold an underscore). */
    static Optional<TokenText> parse(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        String rest = presented.substring(PREFIX.length());
        int separator = rest.indexOf('_');
        if (separator != 16 || !rest.substring(0, 16).matches("[0-9a-f]{16}") || !rest.substring(17).matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return Optional.of(new TokenText(rest.substring(0, 16), rest.substring(17)));
    }

    String text() {
        return PREFIX + id + "_" + secret;
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "TokenText[" + id + "]";
    }
}
