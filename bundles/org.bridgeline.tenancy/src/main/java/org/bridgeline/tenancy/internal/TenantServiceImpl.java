package org.bridgeline.tenancy.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.TenantRecord;
import org.bridgeline.store.TenantStore;
import org.bridgeline.store.Tenants;
import org.bridgeline.store.TokenRecord;
import org.bridgeline.tenancy.Caller;
import org.bridgeline.tenancy.IssuedToken;
import org.bridgeline.tenancy.Role;
import org.bridgeline.tenancy.TenantService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Tenants and tokens over the store's registry, tokens hashed under the runtime's key (configuration {@code org.bridgeline.tenancy}: keyFile). */
@Component(service = TenantService.class, configurationPid = "org.bridgeline.tenancy")
public final class TenantServiceImpl implements TenantService {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.tenancy");
    /** A token's last use is written at most this often: a busy token does not write on every request. */
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    /** Configuration {@code org.bridgeline.tenancy}. */
    public @interface Config {
        /** The token key file; empty for {@code bridgeline.data}/token.key. Runtimes sharing a database share it. */
        String keyFile() default "";
    }

    private final TenantStore registry;
    /** When this runtime last recorded each token's use. */
    private final java.util.concurrent.ConcurrentHashMap<String, Instant> useRecorded = new java.util.concurrent.ConcurrentHashMap<>();
    private final Path keyFile;
    private final Clock clock;
    private volatile TokenKey key;

    @Activate
    public TenantServiceImpl(@Reference TenantStore registry, BundleContext context, Config config) {
        this(registry, config.keyFile().isBlank() ? Path.of(Optional.ofNullable(context.getProperty("bridgeline.data")).orElse("data"),
                "token.key") : Path.of(config.keyFile()), Clock.systemUTC());
    }

    TenantServiceImpl(TenantStore registry, Path keyFile, Clock clock) {
        this.registry = registry;
        this.keyFile = keyFile;
        this.clock = clock;
    }

    /** The key, read (or made) on first use rather than at start-up, which it would slow. */
    private TokenKey key() throws StoreException {
        TokenKey known = key;
        if (known == null) {
            synchronized (this) {
                if (key == null) {
                    try {
                        key = TokenKey.in(keyFile);
                    } catch (IOException e) {
                        throw new StoreException("the token key cannot be read: " + e.getMessage(), e);
                    }
                }
                known = key;
            }
        }
        return known;
    }

    @Override
    public TenantRecord addTenant(String name) throws StoreException {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{1,39}")) {
            throw new IllegalArgumentException("tenant name: expected 2 to 40 lower-case letters, digits or hyphens, starting with a "
                    + "letter or digit, found \"" + name + "\"");
        }
        Instant now = now();
        if (!registry.addTenant(name, now)) {
            throw new IllegalArgumentException("tenant " + name + " exists already");
        }
        LOG.info("tenant added: " + name);
        return new TenantRecord(name, now);
    }

    @Override
    public List<TenantRecord> tenants() throws StoreException {
        return registry.tenants();
    }

    @Override
    public IssuedToken issueToken(String tenant, Role role, Duration validFor) throws StoreException {
        if (validFor != null && (validFor.isNegative() || validFor.isZero())) {
            throw new IllegalArgumentException("expires: expected a time to come, found " + validFor);
        }
        if (!Tenants.DEFAULT.equals(tenant) && registry.tenant(tenant).isEmpty()) {
            throw new IllegalArgumentException("no tenant " + tenant + ": add it with bl:tenant-add " + tenant);
        }
        TokenText text = TokenText.random();
        Instant now = now();
        TokenRecord record = new TokenRecord(text.id(), tenant, role.label(), key().hash(text.secret()), now,
                validFor == null ? null : now.plus(validFor), null, null);
        registry.saveToken(record);
        LOG.info("token issued: " + text.id() + " for " + tenant + " as " + role.label());
        return new IssuedToken(text.text(), record);
    }

    @Override
    public boolean revokeToken(String tokenId) throws StoreException {
        boolean revoked = registry.revokeToken(tokenId, now());
        if (revoked) {
            LOG.info("token revoked: " + tokenId);
        }
        return revoked;
    }

    @Override
    public List<TokenRecord> tokens(String tenant) throws StoreException {
        return registry.tokens(tenant);
    }

    @Override
    public Optional<Caller> authenticate(String presentedToken) throws StoreException {
        Optional<TokenText> text = TokenText.parse(presentedToken);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<TokenRecord> stored = registry.token(text.get().id());
        // the hash is computed whether or not the id exists, so an unknown id takes as long as a wrong secret
        boolean matches = key().matches(text.get().secret(), stored.map(TokenRecord::secretHash).orElse(""));
        Instant now = now();
        if (stored.isEmpty() || !matches || !stored.get().activeAt(now)) {
            return Optional.empty();
        }
        TokenRecord token = stored.get();
        if ((token.lastUsedAt() == null || token.lastUsedAt().plus(USE_RECORDED_EVERY).isBefore(now)) && takeUseRecording(token, now)) {
            try {
                registry.tokenUsed(token.tokenId(), now);
            } catch (StoreException e) {
                // the last use is bookkeeping: a write that fails (another runtime recording the same minute) never fails the request
                LOG.info("the use of token " + token.tokenId() + " at " + now + " is not recorded: " + e.getMessage());
            }
        }
        return Optional.of(new Caller(token.tenant(), Role.named(token.role()), token.tokenId()));
    }

    /**
     * Whether this request records the token's use: of the requests that find the stored use a minute
     * old, only the first in this runtime writes (twenty at once writing the same row conflict).
     */
    private boolean takeUseRecording(TokenRecord token, Instant now) {
        boolean[] taken = {false};
        useRecorded.compute(token.tokenId(), (id, last) -> {
            if (last == null || last.plus(USE_RECORDED_EVERY).isBefore(now)) {
                taken[0] = true;
                return now;
            }
            return last;
        });
        return taken[0];
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
