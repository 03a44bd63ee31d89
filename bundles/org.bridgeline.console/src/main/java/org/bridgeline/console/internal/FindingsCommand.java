package org.bridgeline.console.internal;

import org.bridgeline.console.CommandException;
import org.bridgeline.console.Arguments;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.store.AuditRunRecord;
import org.bridgeline.store.AuditStore;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredFinding;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class, property = Arguments.ACCESS + "=tenant-read")
public final class FindingsCommand extends BlCommand {

    private final AuditStore store;

    @Activate
    public FindingsCommand(@Reference AuditStore store) {
        super("findings", "the findings of the latest audit run",
                "usage: bl:findings [--kind KIND] [--carrier NAME] [--min-impact ANNUAL]\n"
                        + "  --min-impact  only findings whose annual impact is at least this amount");
        this.store = store;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("kind", "carrier", "min-impact");
    }

    @Override
    public void run(Arguments args, PrintStream out) throws StoreException {
        BigDecimal minimum;
        try {
            minimum = args.option("min-impact") == null ? null : new BigDecimal(args.option("min-impact"));
        } catch (NumberFormatException e) {
            throw new CommandException("bl:findings: --min-impact expects an amount such as 100 or 99.50, found " + args.option("min-impact"));
        }
        Optional<AuditRunRecord> run = store.latestAuditRun(args.tenant());
        if (run.isEmpty()) {
            out.println("no audit run yet: run bl:audit");
            return;
        }
        List<StoredFinding> findings = store.findings(args.tenant(), run.get().runId()).stream()
                .filter(f -> args.option("kind") == null || args.option("kind").equals(f.finding().kind()))
                .filter(f -> args.option("carrier") == null || args.option("carrier").equals(f.finding().carrier()))
                .filter(f -> minimum == null || f.finding().annualImpact().amount().compareTo(minimum) >= 0).toList();
        Table table = new Table("ID", "KIND", "SEVERITY", "CARRIER", "SERVICE", "MONTHLY", "ANNUAL", "ACTION");
        for (StoredFinding stored : findings) {
            var finding = stored.finding();
            table.row(stored.findingId(), finding.kind(), finding.severity(), finding.carrier(), finding.serviceId(),
                    finding.monthlyImpact().rounded(), finding.annualImpact().rounded(), finding.action());
        }
        if (table.isEmpty()) {
            out.println("no findings match in audit run " + run.get().runId());
            return;
        }
        table.print(out);
        out.printf("%,d findings of audit run %d (%s); bl:finding ID explains one%n", findings.size(), run.get().runId(),
                run.get().started());
    }
}
