package org.bridgeline.tenancy.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The runtime's token key: 32 random bytes in a file only the runtime's user reads, made on first
 * use. Tokens are kept as an HMAC-SHA256 of their secret under it, so the registry alone (a copy of
 * the database) cannot check a guessed secret. Runtimes sharing a database share the key file.
 */
final class TokenKey {

    private static final int KEY_BYTES = 32;

    private final byte[] key;

    private TokenKey(byte[] key) {
        this.key = key;
    }

    /** The key in the file, made there first when the file does not exist. */
    static TokenKey in(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] fresh = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(fresh);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, HexFormat.of().formatHex(fresh) + "\n", StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException e) {
                // another runtime made it first: its key is the one
            }
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        byte[] key;
        try {
            key = HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": expected " + KEY_BYTES * 2 + " hex digits, found something else");
        }
        if (key.length < KEY_BYTES) {
            throw new IOException(file + ": expected " + KEY_BYTES * 2 + " hex digits, found " + text.length());
        }
        return new TokenKey(key);
    }

    /** The keyed hash of a secret, hex. */
    String hash(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether the secret hashes to the stored hash, in time that does not depend on where they differ. */
    boolean matches(String secret, String storedHash) {
        return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
