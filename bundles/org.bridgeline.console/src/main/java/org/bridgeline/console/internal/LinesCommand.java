package org.bridgeline.console.internal;

import org.bridgeline.console.CommandException;
import org.bridgeline.console.Arguments;
import java.io.PrintStream;
import java.util.List;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.store.BookStore;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredInvoice;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class, property = Arguments.ACCESS + "=tenant-read")
public final class LinesCommand extends BlCommand {

    private final BookStore store;

    @Activate
    public LinesCommand(@Reference BookStore store) {
        super("lines", "the charge lines of one invoice, each with its source position",
                "usage: bl:lines INVOICE\n  INVOICE is an invoice number as bl:invoices lists it");
        this.store = store;
    }

    @Override
    public void run(Arguments args, PrintStream out) throws StoreException {
        if (args.positionals().size() != 1) {
            throw new CommandException("bl:lines needs one invoice number, found " + args.positionals().size());
        }
        List<StoredInvoice> invoices = store.ledger(args.tenant()).invoicesNumbered(args.positionals().get(0));
        if (invoices.isEmpty()) {
            throw new CommandException("no invoice numbered " + args.positionals().get(0) + " (see bl:invoices)");
        }
        for (StoredInvoice invoice : invoices) {
            out.println(invoice.header().carrier() + " account " + invoice.header().account() + " invoice "
                    + invoice.header().number() + " of " + invoice.header().date() + ": " + invoice.lines() + " lines, "
                    + invoice.lineTotal());
            Table table = new Table("SERVICE", "TYPE", "CATEGORY", "CODE", "DESCRIPTION", "QTY", "UNIT PRICE", "AMOUNT", "SOURCE");
            store.ledger(args.tenant()).linesOf(invoice.invoiceId(), line -> table.row(line.serviceId(), line.serviceType(),
                    line.category(), line.chargeCode(), line.description(), line.quantity() == null ? null : line.quantity().toPlainString(),
                    line.unitPrice(), line.amount(), line.source()));
            table.print(out);
        }
    }
}
