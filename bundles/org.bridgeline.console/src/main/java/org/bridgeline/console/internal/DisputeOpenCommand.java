package org.bridgeline.console.internal;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bridgeline.console.Arguments;
import org.bridgeline.console.CommandException;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.dispute.DisputeService;
import org.bridgeline.store.DisputeRecord;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class, property = Arguments.ACCESS + "=tenant-write")
public final class DisputeOpenCommand extends BlCommand {

    private final DisputeService disputes;

    @Activate
    public DisputeOpenCommand(@Reference DisputeService disputes) {
        super("dispute-open", "open a dispute for findings of one carrier account, claiming their credits", """
                usage: bl:dispute-open FINDING... [--note TEXT] [--submitted DATE] [--tenant NAME]
                       bl:dispute-open --carrier NAME [--min-impact N] [--each] [--note TEXT] [--submitted DATE] [--tenant NAME]
                  FINDING   finding ids as bl:findings lists them, of one carrier account, each claiming a credit
                  --carrier every finding of the latest audit for the carrier whose credit is at least --min-impact (default 0)
                            and no open dispute holds: one dispute per account, or with --each one per finding
                  --submitted the day the dispute went to the carrier (YYYY-MM-DD, or today): without it, a draft
                  a finding is in one open dispute at most; bl:disputes lists them, bl:dispute-set moves them on""");
        this.disputes = disputes;
    }

    @Override
    public Set<String> flags() {
        return Set.of("each");
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("carrier", "min-impact", "note", "submitted");
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        String carrier = args.option("carrier");
        List<DisputeRecord> opened;
        try {
            if (carrier != null) {
                args.positionals(0, 0, "no finding ids with --carrier");
                opened = disputes.openAll(args.tenant(), carrier, minImpact(args), args.flag("each"), args.option("note"), args.actor(),
                        DisputeText.day(args, "submitted"));
                if (opened.isEmpty()) {
                    out.println("nothing to dispute: no finding of " + carrier + " in the latest audit claims a credit that no open dispute holds");
                    return;
                }
            } else {
                if (args.flag("each") || args.option("min-impact") != null) {
                    throw new CommandException("bl:dispute-open: --each and --min-impact go with --carrier");
                }
                List<Long> ids = new ArrayList<>();
                for (String word : args.positionals(1, Integer.MAX_VALUE, "finding ids, or --carrier NAME")) {
                    ids.add(DisputeText.id(word, "finding"));
                }
                opened = List.of(disputes.open(args.tenant(), ids, args.option("note"), args.actor(), DisputeText.day(args, "submitted")));
            }
        } catch (IllegalArgumentException | org.bridgeline.store.DisputeConflictException e) {
            throw new CommandException("bl:dispute-open: " + e.getMessage());
        }
        for (DisputeRecord dispute : opened) {
            out.println("dispute " + dispute.disputeId() + ": " + dispute.carrier() + " " + dispute.account() + ", " + dispute.findings().size()
                    + (dispute.findings().size() == 1 ? " finding" : " findings") + ", claims " + dispute.claimed() + ", " + dispute.state());
        }
    }

    private static BigDecimal minImpact(Arguments args) {
        String value = args.option("min-impact", "0").strip();
        if (!value.matches("\\d{1,15}(\\.\\d{1,6})?")) {
            throw new CommandException("bl:dispute-open: --min-impact expects an amount such as 100, found \"" + value + "\"");
        }
        return new BigDecimal(value);
    }
}
