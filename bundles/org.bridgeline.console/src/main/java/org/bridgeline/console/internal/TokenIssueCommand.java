package org.bridgeline.console.internal;

import java.io.PrintStream;
import java.util.Set;
import org.bridgeline.console.Arguments;
import org.bridgeline.console.CommandException;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.tenancy.IssuedToken;
import org.bridgeline.tenancy.Role;
import org.bridgeline.tenancy.TenantService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class)
public final class TokenIssueCommand extends BlCommand {

    private final TenantService tenants;

    @Activate
    public TokenIssueCommand(@Reference TenantService tenants) {
        super("token-issue", "issue an API token for a tenant (printed once, never again)", """
                usage: bl:token-issue TENANT [--role viewer|operator] [--expires DAYS]
                  --role     viewer reads; operator also uploads, imports, audits and writes packages (default viewer)
                  --expires  days until it stops working (default: never)""");
        this.tenants = tenants;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("role", "expires");
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        String tenant = args.positionals(1, 1, "the tenant").get(0);
        int days = (int) args.number("expires", 0, 0, 36_500);
        try {
            IssuedToken issued = tenants.issueToken(tenant, Role.named(args.option("role", "viewer")), days);
            out.println(issued.token());
            out.println("token " + issued.record().tokenId() + " for " + tenant + " as " + issued.record().role()
                    + (issued.record().expiresAt() == null ? "" : ", expires " + issued.record().expiresAt())
                    + ": keep it now, it is not shown again (the runtime keeps only a keyed hash of it)");
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
    }
}
