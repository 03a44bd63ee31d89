package org.bridgeline.console.internal;

import java.io.PrintStream;
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
public final class DisputeSetCommand extends BlCommand {

    private final DisputeService disputes;

    @Activate
    public DisputeSetCommand(@Reference DisputeService disputes) {
        super("dispute-set", "move a dispute on: submitted, acknowledged, escalated, credited, denied, or submitted again", """
                usage: bl:dispute-set ID STATE [--note TEXT] [--on DATE] [--tenant NAME]
                  DRAFT -> SUBMITTED -> ACKNOWLEDGED -> CREDITED | PARTIALLY_CREDITED | DENIED, ESCALATED from any open state;
                  a DENIED dispute may be SUBMITTED again, its history kept
                  --on      the day it happened (YYYY-MM-DD), when that was not today""");
        this.disputes = disputes;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("note", "on");
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        var words = args.positionals(2, 2, "a dispute id and a state");
        long id = DisputeText.id(words.get(0), "dispute");
        DisputeRecord dispute;
        try {
            dispute = disputes.set(args.tenant(), id, DisputeText.state(words.get(1)), args.option("note"), args.actor(),
                    DisputeText.day(args, "on"));
        } catch (IllegalArgumentException | org.bridgeline.store.DisputeConflictException e) {
            throw new CommandException("bl:dispute-set: " + e.getMessage());
        }
        out.println("dispute " + dispute.disputeId() + " is " + dispute.state() + " (claimed " + dispute.claimed() + ", outstanding "
                + dispute.outstanding() + ")");
    }
}
