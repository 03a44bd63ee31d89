package org.bridgeline.console.internal;

import org.bridgeline.console.Arguments;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.store.BookStore;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredInvoice;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class, property = Arguments.ACCESS + "=tenant-read")
public final class InvoicesCommand extends BlCommand {

    private final BookStore store;

    @Activate
    public InvoicesCommand(@Reference BookStore store) {
        super("invoices", "the invoices in the book of business (current revisions)",
                "usage: bl:invoices [--carrier NAME] [--account ACCOUNT]");
        this.store = store;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("carrier", "account");
    }

    @Override
    public void run(Arguments args, PrintStream out) throws StoreException {
        List<StoredInvoice> invoices = store.ledger(args.tenant()).invoices(
                new LineQuery(args.option("carrier"), args.option("account"), null, null));
        if (invoices.isEmpty()) {
            out.println("no invoices: import bills with bl:import PATH");
            return;
        }
        Table table = new Table("CARRIER", "ACCOUNT", "INVOICE", "DATE", "PERIOD", "LINES", "LINE TOTAL", "STATED", "REVISION", "FILE");
        for (StoredInvoice invoice : invoices) {
            table.row(invoice.header().carrier(), invoice.header().account(), invoice.header().number(), invoice.header().date(),
                    invoice.header().billingPeriod(), invoice.lines(), invoice.lineTotal(), invoice.statedTotal(),
                    invoice.revision(), invoice.header().source().file());
        }
        table.print(out);
    }
}
