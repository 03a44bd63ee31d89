package org.bridgeline.tenancy;

import org.bridgeline.store.TokenRecord;

/**
 * A token just issued: the only moment its secret exists outside the caller's hands.
 *
 * @param token  the whole token, {@code blt_<id>_<secret>}, to give to its user once
 * @param record what the registry keeps of it
 */
public record IssuedToken(String token, TokenRecord record) {

    /** Never the token: records are printed and logged. */
    @Override
    public String toString() {
        return "IssuedToken[" + record + "]";
    }
}
