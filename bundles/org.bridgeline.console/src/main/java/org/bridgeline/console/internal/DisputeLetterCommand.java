package org.bridgeline.console.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import org.bridgeline.console.Arguments;
import org.bridgeline.console.CommandException;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.dispute.DisputeService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class, property = Arguments.ACCESS + "=tenant-read")
public final class DisputeLetterCommand extends BlCommand {

    private final DisputeService disputes;

    @Activate
    public DisputeLetterCommand(@Reference DisputeService disputes) {
        super("dispute-letter", "write a dispute's letter: a printable page and the CSV carriers' dispute portals take", """
                usage: bl:dispute-letter ID [--out DIR] [--tenant NAME]
                  writes DIR/dispute-ID-CARRIER.html and .csv (DIR defaults to data/tenants/TENANT/disputes): per evidence line
                  account, invoice, bill date, service id, charge code, amount billed, expected and disputed, reason, file and record""");
        this.disputes = disputes;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("out");
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        long id = DisputeText.id(args.positionals(1, 1, "one dispute id").get(0), "dispute");
        if (args.remote() && args.option("out") != null) {
            throw new CommandException("bl:dispute-letter: --out names a folder on the runtime's machine: a remote session writes into the "
                    + "tenant's own folder (leave --out out)");
        }
        try {
            for (Path written : disputes.writeLetter(args.tenant(), id, args.option("out") == null ? null : Path.of(args.option("out")))) {
                out.println("wrote " + written.toAbsolutePath());
            }
        } catch (IllegalArgumentException e) {
            throw new CommandException("bl:dispute-letter: " + e.getMessage());
        }
    }
}
