package org.bridgeline.console.internal;

import org.bridgeline.console.CommandException;
import org.bridgeline.console.Arguments;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.store.BookStore;
import org.bridgeline.store.InventoryItem;
import org.bridgeline.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class, property = Arguments.ACCESS + "=tenant-read")
public final class InventoryCommand extends BlCommand {

    private final BookStore store;

    @Activate
    public InventoryCommand(@Reference BookStore store) {
        super("inventory", "every service billed: where, since when, monthly recurring cost, usage, features",
                "usage: bl:inventory [--carrier NAME] [--type SERVICE_TYPE] [--site SITE]\n"
                        + "  SERVICE_TYPE: DIA, MPLS, ETHERNET, VOICE_LINE, PRI, SIP, TOLL_FREE, WIRELESS, LONG_DISTANCE, OTHER");
        this.store = store;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("carrier", "type", "site");
    }

    @Override
    public void run(Arguments args, PrintStream out) throws StoreException {
        ServiceType type = null;
        if (args.option("type") != null) {
            try {
                type = ServiceType.valueOf(args.option("type").toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new CommandException("bl:inventory: --type expects one of " + List.of(ServiceType.values())
                        + ", found " + args.option("type"));
            }
        }
        String site = args.option("site");
        ServiceType wanted = type;
        List<InventoryItem> items = store.ledger(args.tenant()).inventory(new LineQuery(args.option("carrier"), null, null, null))
                .stream().filter(item -> wanted == null || item.serviceType() == wanted)
                .filter(item -> site == null || site.equals(item.site())).toList();
        if (items.isEmpty()) {
            out.println("no services match");
            return;
        }
        Table table = new Table("CARRIER", "ACCOUNT", "SERVICE", "TYPE", "SITE", "FIRST", "LAST", "MONTHLY", "USAGE", "LINES", "FEATURES");
        for (InventoryItem item : items) {
            table.row(item.carrier(), item.account(), item.serviceId(), item.serviceType(), item.site(), item.firstBilled(),
                    item.lastBilled(), item.monthlyRecurring(), item.usage(), item.lines(), String.join(" ", item.chargeCodes()));
        }
        table.print(out);
        out.printf("%,d services%n", items.size());
    }
}
