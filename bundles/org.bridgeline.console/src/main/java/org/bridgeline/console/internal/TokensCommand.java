package org.bridgeline.console.internal;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import org.bridgeline.console.Arguments;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.store.TokenRecord;
import org.bridgeline.tenancy.TenantService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class)
public final class TokensCommand extends BlCommand {

    private final TenantService tenants;

    @Activate
    public TokensCommand(@Reference TenantService tenants) {
        super("tokens", "a tenant's API tokens: role, state, expiry, last use (never the secret)", "usage: bl:tokens TENANT");
        this.tenants = tenants;
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        String tenant = args.positionals(1, 1, "the tenant").get(0);
        List<TokenRecord> tokens = tenants.tokens(tenant);
        if (tokens.isEmpty()) {
            out.println("no tokens for " + tenant + ": issue one with bl:token-issue " + tenant);
            return;
        }
        Instant now = Instant.now();
        Table table = new Table("ID", "ROLE", "STATE", "ISSUED", "EXPIRES", "LAST USED");
        for (TokenRecord token : tokens) {
            String state = token.revokedAt() != null ? "revoked " + token.revokedAt() : token.activeAt(now) ? "active" : "expired";
            table.row(token.tokenId(), token.role(), state, token.createdAt(), token.expiresAt() == null ? "never" : token.expiresAt(),
                    token.lastUsedAt() == null ? "never" : token.lastUsedAt());
        }
        table.print(out);
    }
}
