package org.bridgeline.console.internal;

import java.io.PrintStream;
import java.time.Duration;
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
                usage: bl:token-issue TENANT [--role viewer|operator] [--expires DAYS|30d|12h|15m|90s]
                  --role     viewer reads; operator also uploads, imports, audits and writes packages (default viewer)
                  --expires  how long it works: days (30), or with a unit, 30d, 12h, 15m, 90s (default: never)""");
        this.tenants = tenants;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("role", "expires");
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        String tenant = args.positionals(1, 1, "the tenant").get(0);
        try {
            IssuedToken issued = tenants.issueToken(tenant, Role.named(args.option("role", "viewer")), validFor(args.option("expires", null)));
            out.println(issued.token());
            out.println("token " + issued.record().tokenId() + " for " + tenant + " as " + issued.record().role()
                    + (issued.record().expiresAt() == null ? "" : ", expires " + issued.record().expiresAt())
                    + ": keep it now, it is not shown again (the runtime keeps only a keyed hash of it)");
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
    }

    /** {@code 30} or {@code 30d} days, {@code 12h} hours, {@code 15m} minutes, {@code 90s} seconds; null for never. */
    static Duration validFor(String text) {
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher amount = java.util.regex.Pattern.compile("(\\d{1,6})([dhms]?)").matcher(text.strip());
        if (!amount.matches() || Long.parseLong(amount.group(1)) == 0) {
            throw new IllegalArgumentException("--expires: expected a number of days (30) or a time with its unit (30d, 12h, 15m, 90s), found "
                    + text);
        }
        long n = Long.parseLong(amount.group(1));
        return switch (amount.group(2)) {
            case "h" -> Duration.ofHours(n);
            case "m" -> Duration.ofMinutes(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofDays(n);
        };
    }
}
