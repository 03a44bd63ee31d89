package org.bridgeline.console.internal;

import java.io.PrintStream;
import java.util.List;
import org.bridgeline.console.Arguments;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.store.TenantRecord;
import org.bridgeline.tenancy.TenantService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class)
public final class TenantsCommand extends BlCommand {

    private final TenantService tenants;

    @Activate
    public TenantsCommand(@Reference TenantService tenants) {
        super("tenants", "the tenants the runtime serves, with their tokens", "usage: bl:tenants");
        this.tenants = tenants;
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        args.positionals(0, 0, "no arguments");
        List<TenantRecord> all = tenants.tenants();
        if (all.isEmpty()) {
            out.println("no tenants but the embedded default: add one with bl:tenant-add NAME");
            return;
        }
        Table table = new Table("TENANT", "ADDED", "TOKENS", "ACTIVE");
        java.time.Instant now = java.time.Instant.now();
        for (TenantRecord tenant : all) {
            var tokens = tenants.tokens(tenant.tenant());
            table.row(tenant.tenant(), tenant.createdAt(), tokens.size(), tokens.stream().filter(t -> t.activeAt(now)).count());
        }
        table.print(out);
    }
}
