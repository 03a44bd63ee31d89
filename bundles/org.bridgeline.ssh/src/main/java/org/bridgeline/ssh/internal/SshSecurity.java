package org.bridgeline.ssh.internal;

import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Where SSHD takes its cryptography from. BouncyCastle is installed for the post-quantum key
 * exchanges (sntrup761x25519, mlkem768x25519), which SSHD runs on BouncyCastle's plain classes.
 * Its JCE provider, which SSHD would otherwise register and take everything from, cost each start
 * about 150 ms and 11 MiB; without it SSHD takes ciphers, MACs and signatures from the JDK, and
 * Ed25519 from the JDK too ({@link JdkEd25519Registrar}).
 */
final class SshSecurity {

    private SshSecurity() {
    }

    /**
     * Before any SSHD server is built (SSHD settles its algorithms then).
     *
     * @return false when this JDK has no Ed25519 (ssh-ed25519 keys are then refused)
     */
    static boolean setUp() {
        SecurityUtils.setAPrioriDisabledProvider(SecurityUtils.BOUNCY_CASTLE, true);
        return JdkEd25519Registrar.install();
    }
}
