package org.bridgeline.console.internal;

import java.io.PrintStream;
import org.bridgeline.console.Arguments;
import org.bridgeline.console.CommandException;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.store.TenantRecord;
import org.bridgeline.tenancy.TenantService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class)
public final class TenantAddCommand extends BlCommand {

    private final TenantService tenants;

    @Activate
    public TenantAddCommand(@Reference TenantService tenants) {
        super("tenant-add", "add a tenant (an enterprise the runtime serves)", """
                usage: bl:tenant-add NAME
                  NAME: 2 to 40 lower-case letters, digits or hyphens; every row of the tenant's data carries it""");
        this.tenants = tenants;
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        String name = args.positionals(1, 1, "the tenant's name").get(0);
        try {
            TenantRecord added = tenants.addTenant(name);
            out.println("tenant " + added.tenant() + " added; issue it a token with bl:token-issue " + added.tenant());
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
    }
}
