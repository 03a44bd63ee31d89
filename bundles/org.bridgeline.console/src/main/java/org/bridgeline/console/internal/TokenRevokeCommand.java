package org.bridgeline.console.internal;

import java.io.PrintStream;
import org.bridgeline.console.Arguments;
import org.bridgeline.console.CommandException;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.tenancy.TenantService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class)
public final class TokenRevokeCommand extends BlCommand {

    private final TenantService tenants;

    @Activate
    public TokenRevokeCommand(@Reference TenantService tenants) {
        super("token-revoke", "revoke an API token: refused from its next request on", "usage: bl:token-revoke ID");
        this.tenants = tenants;
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        String id = args.positionals(1, 1, "the token's id (bl:tokens TENANT lists them)").get(0);
        if (!tenants.revokeToken(id)) {
            throw new CommandException("no active token " + id + ": bl:tokens TENANT lists a tenant's tokens");
        }
        out.println("token " + id + " revoked");
    }
}
