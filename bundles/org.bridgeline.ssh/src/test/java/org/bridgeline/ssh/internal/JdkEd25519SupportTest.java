package org.bridgeline.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Security;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ssh-ed25519 on the JDK, checked against RFC 8032's own test vectors (section 7.1, tests 1 and 2),
 * through SSHD's public API as a login uses it: the authorized_keys line, the signature check.
 */
class JdkEd25519SupportTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SECRET_1 = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final byte[] PUBLIC_1 = HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    private static final byte[] SIGNATURE_1 = HEX.parseHex("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
            + "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    private static final byte[] PUBLIC_2 = HEX.parseHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
    private static final byte[] MESSAGE_2 = HEX.parseHex("72");
    private static final byte[] SIGNATURE_2 = HEX.parseHex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
            + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");

    @TempDir
    Path folder;

    @BeforeAll
    static void setUp() {
        assertTrue(SshSecurity.setUp(), "Java 17 has Ed25519 in SunEC");
    }

    /** BouncyCastle is on this class path as in the runtime: its classes serve the key exchange, its provider nothing. */
    @Test
    void sshdTakesEd25519FromTheJdkAndTheQuantumSafeKeyExchangeFromBouncyCastlesClasses() {
        assertFalse(SecurityUtils.isBouncyCastleRegistered(), "BouncyCastle's JCE provider is not registered");
        assertNull(Security.getProvider("BC"));
        assertTrue(SecurityUtils.isEDDSACurveSupported());
        assertTrue(BuiltinSignatures.ed25519.isSupported());
        assertInstanceOf(JdkEd25519Support.class, SecurityUtils.getEdDSASupport().orElseThrow());
        assertTrue(BuiltinDHFactories.sntrup761x25519.isSupported(), "sntrup761x25519-sha512, OpenSSH 9's default");
        assertTrue(BuiltinDHFactories.mlkem768x25519.isSupported(), "mlkem768x25519-sha256, OpenSSH 10's default");
    }

    @Test
    void anAuthorizedKeysLineReadsAsTheJdksKey() throws Exception {
        PublicKey key = authorizedKey(PUBLIC_1, "alice@laptop");
        EdECPublicKey jdkKey = assertInstanceOf(EdECPublicKey.class, key);
        assertEquals("Ed25519", jdkKey.getParams().getName());
        assertEquals(256, KeyUtils.getKeySize(key));
        assertEquals("ssh-ed25519", KeyUtils.getKeyType(key));
        assertTrue(KeyUtils.compareKeys(key, authorizedKey(PUBLIC_1, "the same key, another comment")));
        assertFalse(KeyUtils.compareKeys(key, authorizedKey(PUBLIC_2, "another key")));
    }

    @Test
    void rfc8032SignaturesVerifyAndAlteredOnesDoNot() throws Exception {
        assertTrue(verifies(authorizedKey(PUBLIC_1, "1"), new byte[0], SIGNATURE_1));
        assertTrue(verifies(authorizedKey(PUBLIC_2, "2"), MESSAGE_2, SIGNATURE_2));
        // as a client sends it: the signature inside its own "ssh-ed25519" envelope
        assertTrue(verifies(authorizedKey(PUBLIC_2, "2"), MESSAGE_2, sshString("ssh-ed25519".getBytes(StandardCharsets.US_ASCII), SIGNATURE_2)));

        for (int bit : new int[] {10 * 8, 40 * 8 + 3}) { // one bit of R, one of S
            byte[] altered = SIGNATURE_2.clone();
            altered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertTrue(refused(authorizedKey(PUBLIC_2, "2"), MESSAGE_2, altered), "bit " + bit + " altered");
        }
        assertTrue(refused(authorizedKey(PUBLIC_2, "2"), HEX.parseHex("73"), SIGNATURE_2), "another message");
        assertTrue(refused(authorizedKey(PUBLIC_1, "1"), MESSAGE_2, SIGNATURE_2), "another key");
    }

    /** SSHD refuses a login alike whether the check says false or throws (the JDK throws for an R that is not a point). */
    private static boolean refused(PublicKey key, byte[] message, byte[] signature) throws Exception {
        try {
            return !verifies(key, message, signature);
        } catch (SignatureException e) {
            return true;
        }
    }

    @Test
    void thePublicKeyIsRecoveredFromThePrivateKey() throws Exception {
        JdkEd25519Support support = new JdkEd25519Support();
        EdECPrivateKey privateKey = support.generateEDDSAPrivateKey(SECRET_1);
        assertArrayEquals(SECRET_1, support.getPrivateKeyData(privateKey));
        assertArrayEquals(PUBLIC_1, support.getPublicKeyData(support.recoverEDDSAPublicKey(privateKey)));
        assertTrue(support.compareEDDSAPPublicKeys(support.recoverEDDSAPublicKey(privateKey), support.generateEDDSAPublicKey(PUBLIC_1)));
    }

    @Test
    void aBindingFileWithAnEd25519KeyLetsItsKeyIn() throws Exception {
        Path file = folder.resolve("authorized_keys");
        Files.writeString(file, "tenant=\"acme\",role=\"operator\" " + line(PUBLIC_1, "alice") + "\n");
        Optional<KeyBindings.Binding> binding = new KeyBindings(file).bindingOf(authorizedKey(PUBLIC_1, "presented"));
        assertEquals(Optional.of(new KeyBindings.Binding("acme", "operator")), binding);
        assertEquals(Optional.empty(), new KeyBindings(file).bindingOf(authorizedKey(PUBLIC_2, "presented")));
    }

    private static boolean verifies(PublicKey key, byte[] message, byte[] signature) throws Exception {
        Signature verifier = BuiltinSignatures.ed25519.create();
        verifier.initVerifier(null, key);
        verifier.update(null, message);
        return verifier.verify(null, signature);
    }

    private static PublicKey authorizedKey(byte[] publicKey, String comment) throws Exception {
        return AuthorizedKeyEntry.parseAuthorizedKeyEntry(line(publicKey, comment)).resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
    }

    /** An OpenSSH public key line, written from the key's bytes by hand so the test does not read its own encoder. */
    private static String line(byte[] publicKey, String comment) throws IOException {
        byte[] blob = sshString("ssh-ed25519".getBytes(StandardCharsets.US_ASCII), publicKey);
        return "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob) + " " + comment;
    }

    private static byte[] sshString(byte[]... parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (byte[] part : parts) {
            out.writeInt(part.length);
            out.write(part);
        }
        return bytes.toByteArray();
    }
}
