package org.bridgeline.console.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.bridgeline.console.Arguments;
import org.bridgeline.console.CommandException;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.dispute.DisputeLetter;
import org.bridgeline.dispute.DisputeService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class, property = Arguments.ACCESS + "=tenant-read")
public final class DisputeLetterCommand extends BlCommand {

    private final DisputeService disputes;
    private final Path tenants;

    @Activate
    public DisputeLetterCommand(@Reference DisputeService disputes, BundleContext context) {
        super("dispute-letter", "write a dispute's letter: a printable page and the CSV carriers' dispute portals take", """
                usage: bl:dispute-letter ID [--out DIR] [--tenant NAME]
                  writes DIR/dispute-ID-CARRIER.html and .csv (DIR defaults to data/tenants/TENANT/disputes): per evidence line
                  account, invoice, bill date, service id, charge code, amount billed, expected and disputed, reason, file and record""");
        this.disputes = disputes;
        this.tenants = Path.of(java.util.Optional.ofNullable(context.getProperty("bridgeline.data")).orElse("data"), "tenants");
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("out");
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        long id = DisputeText.id(args.positionals(1, 1, "one dispute id").get(0), "dispute");
        DisputeLetter letter;
        try {
            letter = disputes.letter(args.tenant(), id);
        } catch (IllegalArgumentException e) {
            throw new CommandException("bl:dispute-letter: " + e.getMessage());
        }
        Path folder = args.option("out") != null ? Path.of(args.option("out")) : tenants.resolve(args.tenant()).resolve("disputes");
        Files.createDirectories(folder);
        Path html = folder.resolve(letter.name() + ".html");
        Path csv = folder.resolve(letter.name() + ".csv");
        Files.writeString(html, letter.html(), StandardCharsets.UTF_8);
        Files.writeString(csv, letter.csv(), StandardCharsets.UTF_8);
        out.println("wrote " + html.toAbsolutePath());
        out.println("wrote " + csv.toAbsolutePath());
    }
}
