package org.bridgeline.console.internal;

import org.bridgeline.console.CommandException;
import org.bridgeline.console.Arguments;
import java.io.PrintStream;
import java.util.Set;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.core.AuditService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class, property = Arguments.ACCESS + "=tenant-write")
public final class AuditCommand extends BlCommand {

    private final AuditService audits;

    @Activate
    public AuditCommand(@Reference AuditService audits) {
        super("audit", "run every detector over the book of business; the findings are stored with the run",
                """
                usage: bl:audit [--carrier NAME] [--detector ID]
                  --carrier   only this carrier's findings
                  --detector  only this detector (see bl:plugins)
                  Prints each detector as it finishes, then the findings by kind: count, monthly and annual impact.
                  bl:findings lists them, bl:finding ID explains one.""");
        this.audits = audits;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("carrier", "detector");
    }

    @Override
    public void run(Arguments args, PrintStream out) {
        AuditService.AuditReport report;
        try {
            report = audits.audit(args.tenant(), args.option("carrier"), args.option("detector"),
                    (detector, done, of, findings, millis) -> out.printf("  [%d/%d] %s: %,d findings in %,d ms%n", done, of, detector,
                            findings, millis));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandException(e.getMessage());
        }
        out.println();
        if (report.byKind().isEmpty()) {
            out.println("no findings");
        } else {
            Table table = new Table("KIND", "FINDINGS", "MONTHLY IMPACT", "ANNUAL IMPACT");
            for (AuditService.KindSummary kind : report.byKind()) {
                table.row(kind.kind(), kind.findings(), kind.monthly().rounded(), kind.annual().rounded());
            }
            table.print(out);
        }
        out.printf("%naudit run %d: %d detectors, %,d findings in %.1f s (bl:findings lists them)%n", report.runId(),
                report.detectors().size(), report.findings(), report.millis() / 1000.0);
        if (!report.failures().isEmpty()) {
            report.failures().forEach(failure -> out.println("  detector " + failure.detectorId() + " failed: " + failure.reason()));
            throw new CommandException(report.failures().size() + " detector(s) failed; their findings are missing from run "
                    + report.runId());
        }
    }
}
