package org.bridgeline.console.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.bridgeline.console.Arguments;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.intake.IntakeItem;
import org.bridgeline.intake.IntakeService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class, property = Arguments.ACCESS + "=tenant-read")
public final class IntakeCommand extends BlCommand {

    private final IntakeService intake;

    @Activate
    public IntakeCommand(@Reference IntakeService intake) {
        super("intake", "the tenant's recent bills through the inbox: state, timings, the audit that read them", """
                usage: bl:intake [--tenant NAME] [--limit N]
                  bills dropped into data/tenants/NAME/inbox/ (or uploaded with POST /api/v1/bills) are imported once whole,
                  filed under done/ or failed/ (with the reason), and the tenant's audit runs once for the bills that came together""");
        this.intake = intake;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("limit");
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        args.positionals(0, 0, "no arguments but --tenant and --limit");
        List<IntakeItem> items = intake.recent(args.tenant(), (int) args.number("limit", 20, 1, 1000));
        if (items.isEmpty()) {
            out.println("no bills through the inbox of " + args.tenant() + " yet");
            return;
        }
        Table table = new Table("ID", "FILE", "STATE", "RECEIVED", "WAITED", "IMPORTED IN", "RUNTIME", "AUDIT", "REASON");
        for (IntakeItem item : items) {
            table.row(item.id(), item.file(), item.state(), item.receivedAt(), millis(item.receivedAt(), item.startedAt()),
                    millis(item.startedAt(), item.finishedAt()), item.runtime() == null ? "" : item.runtime()
                            + (item.attempts() > 1 ? " (attempt " + item.attempts() + ")" : ""),
                    item.auditRunId() == null ? "" : item.auditRunId(), item.reason() == null ? "" : item.reason());
        }
        table.print(out);
    }

    private static String millis(java.time.Instant from, java.time.Instant to) {
        return from == null || to == null ? "" : Duration.between(from, to).toMillis() + " ms";
    }
}
