package org.bridgeline.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The registry role: the tenants a hosted runtime serves and the API tokens that speak for them.
 * A token is kept as its id, its tenant and role and a keyed hash of its secret, never the secret.
 * The registry is looked up before a request's tenant is known (a token names it), so it is shared
 * by every tenant rather than kept per tenant.
 */
@ProviderType
public interface TenantStore {

    /** Records a tenant; false when it exists already. */
    boolean addTenant(String tenant, Instant at) throws StoreException;

    /** Every tenant, by name. */
    List<TenantRecord> tenants() throws StoreException;

    Optional<TenantRecord> tenant(String tenant) throws StoreException;

    void saveToken(TokenRecord token) throws StoreException;

    /** A token by its id, whatever its tenant: the id is the public half of the token a caller presents. */
    Optional<TokenRecord> token(String tokenId) throws StoreException;

    /** A tenant's tokens, newest first. */
    List<TokenRecord> tokens(String tenant) throws StoreException;

    /** Marks the token revoked from this moment; false when there is no such token or it was revoked already. */
    boolean revokeToken(String tokenId, Instant at) throws StoreException;

    /** Records a token's use; the registry keeps the latest. */
    void tokenUsed(String tokenId, Instant at) throws StoreException;
}
