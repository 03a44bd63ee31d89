package org.bridgeline.console.internal;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.bridgeline.console.Arguments;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.core.Json;
import org.bridgeline.dispute.DisputeService;
import org.bridgeline.store.DisputeCredit;
import org.bridgeline.store.DisputeRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class, property = Arguments.ACCESS + "=tenant-read")
public final class DisputesCommand extends BlCommand {

    private final DisputeService disputes;

    @Activate
    public DisputesCommand(@Reference DisputeService disputes) {
        super("disputes", "the tenant's disputes: state, claimed, credited, outstanding, aging", """
                usage: bl:disputes [--state STATE] [--carrier NAME] [--json] [--tenant NAME]
                  STATE     DRAFT, SUBMITTED, ACKNOWLEDGED, ESCALATED, PARTIALLY_CREDITED, CREDITED or DENIED
                  aging     days since submission of a dispute still open: 0-30, 31-60, 61-90, over 90
                  --json    every dispute whole: findings, history and credits""");
        this.disputes = disputes;
    }

    @Override
    public Set<String> flags() {
        return Set.of("json");
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("state", "carrier");
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        args.positionals(0, 0, "no arguments but options");
        List<DisputeRecord> list = disputes.disputes(args.tenant(), args.option("state") == null ? null : DisputeText.state(args.option("state")),
                args.option("carrier"));
        if (args.flag("json")) {
            out.println(Json.pretty().toJson(list));
            return;
        }
        if (list.isEmpty()) {
            out.println("no disputes" + (args.option("state") == null && args.option("carrier") == null ? " yet: bl:dispute-open opens one" : " match"));
            return;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Table table = new Table("ID", "CARRIER", "ACCOUNT", "STATE", "FINDINGS", "CLAIMED", "CREDITED", "OUTSTANDING", "SUBMITTED", "AGING",
                "PROPOSED", "COST AVOIDED");
        for (DisputeRecord dispute : list) {
            long proposed = dispute.credits().stream().filter(c -> c.status() == DisputeCredit.Status.PROPOSED).count();
            table.row(dispute.disputeId(), dispute.carrier(), dispute.account(), dispute.state(), dispute.findings().size(), dispute.claimed(),
                    dispute.credited(), dispute.outstanding(), dispute.submittedOn() == null ? "" : dispute.submittedOn(),
                    dispute.aging(today), proposed == 0 ? "" : proposed,
                    dispute.costAvoided(today).amount().signum() == 0 ? "" : dispute.costAvoided(today));
        }
        table.print(out);
        long open = list.stream().filter(d -> d.state().open() && d.submittedAt() != null).count();
        if (open > 0) {
            StringBuilder buckets = new StringBuilder();
            for (String bucket : List.of("0-30", "31-60", "61-90", "over 90")) {
                long count = list.stream().filter(d -> bucket.equals(d.aging(today))).count();
                buckets.append(buckets.length() == 0 ? "" : ", ").append(bucket).append(": ").append(count);
            }
            out.println();
            out.println(open + " submitted and open, by days waiting: " + buckets);
        }
    }
}
