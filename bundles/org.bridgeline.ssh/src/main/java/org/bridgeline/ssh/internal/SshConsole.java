package org.bridgeline.ssh.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The SSH console (configuration {@code org.bridgeline.ssh}: host, port, authorizedKeys): keys
 * only, each bound to a tenant and a role by {@code conf/ssh/authorized_keys}; no passwords, no
 * keyboard-interactive. The host key is made on first start and kept in {@code data/ssh/}.
 */
@Component(service = SshConsole.class, immediate = true, configurationPid = "org.bridgeline.ssh")
public final class SshConsole {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.ssh");
    static final AttributeKey<String> TENANT = new AttributeKey<>();
    static final AttributeKey<String> ROLE = new AttributeKey<>();

    /** Configuration {@code org.bridgeline.ssh}. */
    public @interface Config {
        /** Loopback unless an operator says otherwise. */
        String host() default "127.0.0.1";

        int port() default 8422;

        /** Empty for {@code bridgeline.home}/conf/ssh/authorized_keys. */
        String authorizedKeys() default "";
    }

    private final SshServer server;

    /**
     * Bound when the console starts, whichever comes first: the server listens as soon as this bundle
     * starts (its key and crypto set-up on the thread that starts it, beside the rest of the runtime),
     * and a session that arrives before the console is told to try again.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CommandProcessor processor;

    @Activate
    public SshConsole(BundleContext context, Config config) throws IOException {
        Path home = Path.of(Optional.ofNullable(context.getProperty("bridgeline.home")).orElse("."));
        Path data = Path.of(Optional.ofNullable(context.getProperty("bridgeline.data")).orElse(home.resolve("data").toString()));
        KeyBindings keys = new KeyBindings(config.authorizedKeys().isBlank() ? home.resolve("conf/ssh/authorized_keys")
                : Path.of(config.authorizedKeys()));
        Files.createDirectories(data.resolve("ssh"));
        if (!SshSecurity.setUp()) {
            LOG.warning("ssh: this Java has no Ed25519 (SunEC); ssh-ed25519 keys are refused, ECDSA and RSA keys work");
        }
        SimpleGeneratorHostKeyProvider hostKey = new SimpleGeneratorHostKeyProvider(data.resolve("ssh/host-key.pem"));
        hostKey.setAlgorithm("EC");
        server = SshServer.setUpDefaultServer();
        server.setHost(config.host());
        server.setPort(config.port());
        server.setKeyPairProvider(hostKey);
        server.setPasswordAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setPublickeyAuthenticator((username, key, session) -> {
            Optional<KeyBindings.Binding> binding = keys.bindingOf(key);
            binding.ifPresent(bound -> {
                session.setAttribute(TENANT, bound.tenant());
                session.setAttribute(ROLE, bound.role());
                LOG.info("ssh: " + username + " from " + session.getClientAddress() + " as " + bound.tenant() + " (" + bound.role() + ")");
            });
            return binding.isPresent();
        });
        server.setCommandFactory((channel, command) -> new GogoCommand(() -> processor, command));
        server.setShellFactory(channel -> new GogoCommand(() -> processor, null));
        server.setSubsystemFactories(List.of());
        try {
            server.start();
        } catch (IOException e) {
            // the cause is left out on purpose: bl:health shows a failure's root cause, and this one says where
            throw new IOException("the SSH console cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage()
                    + " (host and port: conf/org.bridgeline.ssh.cfg)");
        }
        LOG.info("ssh console on " + config.host() + ":" + server.getPort());
    }

    @Deactivate
    void stop() throws IOException {
        server.stop(true);
    }
}
