-- The registry of a hosted runtime: its tenants and the API tokens that speak for them. A token
-- is looked up by its id before the tenant is known, so the registry is shared by every tenant
-- (a reference table on Citus), and a token keeps only a keyed hash of its secret.
CREATE TABLE bl_tenant (
    tenant     VARCHAR   NOT NULL PRIMARY KEY,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE bl_api_token (
    token_id     VARCHAR   NOT NULL PRIMARY KEY,
    tenant       VARCHAR   NOT NULL,
    role         VARCHAR   NOT NULL,
    secret_hash  VARCHAR   NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP,
    revoked_at   TIMESTAMP,
    last_used_at TIMESTAMP
);
