package org.bridgeline.tenancy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.TenantRecord;
import org.bridgeline.store.TokenRecord;
import org.osgi.annotation.versioning.ProviderType;

/** The tenants a runtime serves and the tokens that speak for them. Bad input is an IllegalArgumentException that says what was expected. */
@ProviderType
public interface TenantService {

    /** Adds a tenant: lower-case letters, digits and hyphens, 2 to 40, starting with a letter or digit. */
    TenantRecord addTenant(String name) throws StoreException;

    List<TenantRecord> tenants() throws StoreException;

    /** Issues a token for an existing tenant, valid for the time given from now, or for ever when it is null. */
    IssuedToken issueToken(String tenant, Role role, Duration validFor) throws StoreException;

    /** Revokes a token from now on; false when there is no such token or it was revoked already. */
    boolean revokeToken(String tokenId) throws StoreException;

    List<TokenRecord> tokens(String tenant) throws StoreException;

    /**
     * Who a presented token speaks for: empty when it is malformed, unknown, wrong, revoked or
     * expired (the caller says only "not authenticated", never which).
     */
    Optional<Caller> authenticate(String presentedToken) throws StoreException;
}
