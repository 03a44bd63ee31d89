package org.bridgeline.ssh.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * {@code conf/ssh/authorized_keys}, OpenSSH's format with two options that bind each key:
 * {@code tenant="acme",role="operator" ssh-ed25519 AAAA... alice@laptop}. Read at every login, so
 * an edit applies to the next one; a key without a tenant, or with a role other than viewer or
 * operator, lets no one in.
 */
final class KeyBindings {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.ssh");

    /** Who a key speaks for. */
    record Binding(String tenant, String role) {
    }

    private final Path file;

    KeyBindings(Path file) {
        this.file = file;
    }

    Optional<Binding> bindingOf(PublicKey presented) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            for (AuthorizedKeyEntry entry : AuthorizedKeyEntry.readAuthorizedKeys(file)) {
                PublicKey key = entry.resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
                if (key != null && KeyUtils.compareKeys(key, presented)) {
                    Map<String, String> options = entry.getLoginOptions();
                    String tenant = options.get("tenant");
                    String role = options.getOrDefault("role", "viewer");
                    if (tenant == null || !tenant.matches("[a-z0-9][a-z0-9-]{1,39}") || !role.matches("viewer|operator")) {
                        LOG.warning("ssh: a key in " + file + " has no valid tenant=\"...\" and role=\"viewer|operator\" options; refused");
                        return Optional.empty();
                    }
                    return Optional.of(new Binding(tenant, role));
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            LOG.warning("ssh: " + file + " cannot be read: " + e.getMessage());
        }
        return Optional.empty();
    }
}
