package org.bridgeline.ssh.internal;

import java.security.Provider;
import java.security.Security;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.security.AbstractSecurityProviderRegistrar;
import org.apache.sshd.common.util.security.SecurityProviderRegistrar;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.common.util.security.eddsa.generic.EdDSASupport;

/**
 * Tells SSHD that Ed25519 is the JDK's ({@link JdkEd25519Support}). It offers SSHD no other
 * algorithm: everything else SSHD takes from the JDK's providers as it does by default.
 *
 * <p>SSHD keeps registrars in a static table for the life of its own bundle, with no way out. So
 * the registrar that SSHD holds may come from an earlier revision of this bundle; it is handed
 * the current support through {@link Consumer}, a type both revisions share, and keeps nothing of
 * its own revision's but this small class.
 */
final class JdkEd25519Registrar extends AbstractSecurityProviderRegistrar implements Consumer<EdDSASupport<?, ?>> {

    static final String NAME = "JdkEd25519";
    private static final String PROVIDER = "SunEC";

    private volatile EdDSASupport<?, ?> support;

    private JdkEd25519Registrar() {
        super(NAME);
    }

    /**
     * Makes {@code ssh-ed25519} keys known to SSHD, before any server is set up (SSHD picks its
     * signature algorithms when a server is built).
     *
     * @return false when this JDK has no Ed25519 (then SSHD offers the other key types only)
     */
    @SuppressWarnings("unchecked")
    static boolean install() {
        if (Security.getProvider(PROVIDER) == null) {
            return false;
        }
        JdkEd25519Support current = new JdkEd25519Support();
        SecurityProviderRegistrar registered = SecurityUtils.registerSecurityProvider(new JdkEd25519Registrar());
        if (!(registered instanceof Consumer<?> holder)) {
            return false;
        }
        ((Consumer<EdDSASupport<?, ?>>) holder).accept(current);
        // SSHD reads authorized_keys lines through a decoder table filled once; this revision's decoder replaces any earlier one
        KeyUtils.registerPublicKeyEntryDecoder(current.getEDDSAPublicKeyEntryDecoder());
        return true;
    }

    @Override
    public void accept(EdDSASupport<?, ?> current) {
        support = current;
    }

    @Override
    public Optional<EdDSASupport<?, ?>> getEdDSASupport() {
        return Optional.ofNullable(support);
    }

    @Override
    public String getProviderName() {
        return PROVIDER;
    }

    @Override
    public Provider getSecurityProvider() {
        return Security.getProvider(PROVIDER);
    }

    @Override
    public boolean isNamedProviderUsed() {
        return false;
    }

    @Override
    public boolean isSupported() {
        return getSecurityProvider() != null;
    }

    /** No cipher, digest or key exchange from here: SSHD keeps taking those from the JDK as it would without us. */
    @Override
    public String getDefaultSecurityEntitySupportValue(Class<?> entityType) {
        return NO_OPTIONS_VALUE;
    }
}
