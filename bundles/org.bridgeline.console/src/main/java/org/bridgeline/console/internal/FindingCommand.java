package org.bridgeline.console.internal;

import org.bridgeline.console.CommandException;
import org.bridgeline.console.Arguments;
import java.io.PrintStream;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.api.model.Finding;
import org.bridgeline.store.AuditStore;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredFinding;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class, property = Arguments.ACCESS + "=tenant-read")
public final class FindingCommand extends BlCommand {

    private final AuditStore store;

    @Activate
    public FindingCommand(@Reference AuditStore store) {
        super("finding", "one finding: its explanation and the charge lines that prove it",
                "usage: bl:finding ID\n  ID as bl:findings lists it");
        this.store = store;
    }

    @Override
    public void run(Arguments args, PrintStream out) throws StoreException {
        if (args.positionals().size() != 1) {
            throw new CommandException("bl:finding needs one finding id, found " + args.positionals().size());
        }
        long id;
        try {
            id = Long.parseLong(args.positionals().get(0));
        } catch (NumberFormatException e) {
            throw new CommandException("bl:finding: expected a finding id (a number, see bl:findings), found " + args.positionals().get(0));
        }
        StoredFinding stored = store.finding(args.tenant(), id)
                .orElseThrow(() -> new CommandException("no finding " + id + " (see bl:findings)"));
        Finding finding = stored.finding();
        out.println("finding     " + stored.findingId() + " (audit run " + stored.runId() + ")");
        out.println("kind        " + finding.kind() + " (detector " + finding.detectorId() + "), " + finding.severity());
        out.println("carrier     " + finding.carrier() + (finding.serviceId() == null ? "" : ", service " + finding.serviceId()));
        out.println("impact      " + finding.monthlyImpact().rounded() + " a month, " + finding.annualImpact().rounded() + " a year");
        out.println("action      " + finding.action());
        out.println();
        out.println(finding.explanation());
        out.println();
        Table table = new Table("INVOICE", "DATE", "SERVICE", "CATEGORY", "CODE", "DESCRIPTION", "AMOUNT", "SOURCE");
        for (var line : finding.evidence()) {
            table.row(line.invoiceNumber(), line.invoiceDate(), line.serviceId(), line.category(), line.chargeCode(), line.description(),
                    line.amount(), line.source());
        }
        table.print(out);
    }
}
