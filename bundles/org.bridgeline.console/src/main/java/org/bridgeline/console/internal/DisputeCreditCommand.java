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
public final class DisputeCreditCommand extends BlCommand {

    private final DisputeService disputes;

    @Activate
    public DisputeCreditCommand(@Reference DisputeService disputes) {
        super("dispute-credit", "confirm or reject a credit the matcher proposed for a dispute", """
                usage: bl:dispute-credit ID CREDIT --confirm|--reject [--note TEXT] [--tenant NAME]
                  CREDIT    the credit's number as bl:dispute ID lists it; a confirmed credit is applied to this dispute
                            and its proposals to other disputes are rejected""");
        this.disputes = disputes;
    }

    @Override
    public Set<String> flags() {
        return Set.of("confirm", "reject");
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("note");
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        var words = args.positionals(2, 2, "a dispute id and a credit number");
        if (args.flag("confirm") == args.flag("reject")) {
            throw new CommandException("bl:dispute-credit: say --confirm or --reject");
        }
        long id = DisputeText.id(words.get(0), "dispute");
        int seq = (int) DisputeText.id(words.get(1), "credit");
        DisputeRecord dispute;
        try {
            dispute = disputes.decide(args.tenant(), id, seq, args.flag("confirm"), args.option("note"), args.actor());
        } catch (IllegalArgumentException | org.bridgeline.store.DisputeConflictException e) {
            throw new CommandException("bl:dispute-credit: " + e.getMessage());
        }
        out.println("dispute " + dispute.disputeId() + " is " + dispute.state() + ": credited " + dispute.credited() + ", outstanding "
                + dispute.outstanding());
    }
}
