package org.bridgeline.store.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.TenantRecord;
import org.bridgeline.store.TenantStore;
import org.bridgeline.store.TokenRecord;

/** The registry role: tenants and API tokens, on a connection bound to no tenant (the registry is everyone's). */
public class SqlTenantStore implements TenantStore {

    /** The registry's connections belong to no tenant: on PostgreSQL they see no tenant's data, only the registry. */
    private static final String NO_TENANT = "";

    private final Database database;

    public SqlTenantStore(Database database) {
        this.database = database;
    }

    @Override
    public boolean addTenant(String tenant, Instant at) throws StoreException {
        return database.with(NO_TENANT, "cannot add tenant " + tenant, c -> Registry.addTenant(c, tenant, at));
    }

    @Override
    public List<TenantRecord> tenants() throws StoreException {
        return database.with(NO_TENANT, "cannot list tenants", c -> Registry.tenants(c, ""));
    }

    @Override
    public Optional<TenantRecord> tenant(String tenant) throws StoreException {
        return database.with(NO_TENANT, "cannot read tenant " + tenant, c -> Registry.tenants(c, "WHERE tenant = ?", tenant))
                .stream().findFirst();
    }

    @Override
    public void saveToken(TokenRecord token) throws StoreException {
        database.with(NO_TENANT, "cannot store token " + token.tokenId(), c -> {
            Registry.saveToken(c, token);
            return null;
        });
    }

    @Override
    public Optional<TokenRecord> token(String tokenId) throws StoreException {
        return database.with(NO_TENANT, "cannot read token " + tokenId, c -> Registry.tokens(c, "token_id = ?", tokenId)).stream().findFirst();
    }

    @Override
    public List<TokenRecord> tokens(String tenant) throws StoreException {
        return database.with(NO_TENANT, "cannot list the tokens of " + tenant, c -> Registry.tokens(c, "tenant = ?", tenant));
    }

    @Override
    public boolean revokeToken(String tokenId, Instant at) throws StoreException {
        return database.with(NO_TENANT, "cannot revoke token " + tokenId, c -> Registry.revoke(c, tokenId, at));
    }

    @Override
    public void tokenUsed(String tokenId, Instant at) throws StoreException {
        database.with(NO_TENANT, "cannot record the use of token " + tokenId, c -> {
            Registry.used(c, tokenId, at);
            return null;
        });
    }
}
