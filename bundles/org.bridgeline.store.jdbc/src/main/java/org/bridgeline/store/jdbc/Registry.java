package org.bridgeline.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bridgeline.store.TenantRecord;
import org.bridgeline.store.TokenRecord;

/** The registry role's SQL: tenants and API tokens, shared by every tenant. */
final class Registry {

    private static final String TOKEN_COLUMNS = "token_id, tenant, role, secret_hash, created_at, expires_at, revoked_at, last_used_at";

    private Registry() {
    }

    static boolean addTenant(Connection connection, String tenant, Instant at) throws SQLException {
        if (!tenants(connection, "WHERE tenant = ?", tenant).isEmpty()) {
            return false;
        }
        return Jdbc.update(connection, "INSERT INTO bl_tenant (tenant, created_at) VALUES (?, ?)", tenant, Timestamp.from(at)) == 1;
    }

    static List<TenantRecord> tenants(Connection connection, String condition, Object... parameters) throws SQLException {
        List<TenantRecord> tenants = new ArrayList<>();
        try (PreparedStatement query = Jdbc.prepare(connection, "SELECT tenant, created_at FROM bl_tenant " + condition + " ORDER BY tenant",
                Arrays.asList(parameters)); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                tenants.add(new TenantRecord(row.getString(1), row.getTimestamp(2).toInstant()));
            }
        }
        return tenants;
    }

    static void saveToken(Connection connection, TokenRecord token) throws SQLException {
        Jdbc.update(connection, "INSERT INTO bl_api_token (" + TOKEN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", token.tokenId(),
                token.tenant(), token.role(), token.secretHash(), Timestamp.from(token.createdAt()), Jdbc.timestamp(token.expiresAt()),
                Jdbc.timestamp(token.revokedAt()), Jdbc.timestamp(token.lastUsedAt()));
    }

    static List<TokenRecord> tokens(Connection connection, String condition, Object parameter) throws SQLException {
        List<TokenRecord> tokens = new ArrayList<>();
        try (PreparedStatement query = Jdbc.prepare(connection, "SELECT " + TOKEN_COLUMNS + " FROM bl_api_token WHERE " + condition
                + " ORDER BY created_at DESC, token_id", List.of(parameter)); ResultSet row = query.executeQuery()) {
            while (row.next()) {
                tokens.add(new TokenRecord(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getTimestamp(5).toInstant(), Jdbc.instant(row.getTimestamp(6)), Jdbc.instant(row.getTimestamp(7)),
                        Jdbc.instant(row.getTimestamp(8))));
            }
        }
        return tokens;
    }

    static boolean revoke(Connection connection, String tokenId, Instant at) throws SQLException {
        return Jdbc.update(connection, "UPDATE bl_api_token SET revoked_at = ? WHERE token_id = ? AND revoked_at IS NULL",
                Timestamp.from(at), tokenId) == 1;
    }

    static void used(Connection connection, String tokenId, Instant at) throws SQLException {
        Jdbc.update(connection, "UPDATE bl_api_token SET last_used_at = ? WHERE token_id = ?", Timestamp.from(at), tokenId);
    }
}
