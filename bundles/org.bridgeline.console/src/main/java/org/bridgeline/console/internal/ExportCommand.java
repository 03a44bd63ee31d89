package org.bridgeline.console.internal;

import org.bridgeline.console.CommandException;
import org.bridgeline.console.Arguments;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.core.ExportService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class)
public final class ExportCommand extends BlCommand {

    private final ExportService exports;

    @Activate
    public ExportCommand(@Reference ExportService exports) {
        super("export", "write the charge lines in another schema: focus (FinOps FOCUS CSV)",
                """
                usage: bl:export focus FILE [--carrier NAME] [--account ACCOUNT]
                  focus   FinOps FOCUS columns (BilledCost, ChargeCategory, ChargeFrequency, ChargePeriodStart/End,
                          BillingPeriodStart/End, InvoiceId, ProviderName, ResourceId, ServiceCategory, PricingQuantity,
                          ContractedUnitPrice, ...) plus x_Usoc, x_CircuitId and the source position of every line""");
        this.exports = exports;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("carrier", "account");
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        if (args.positionals().size() != 2 || !args.positionals().get(0).equals("focus")) {
            throw new CommandException("bl:export needs a schema and a FILE: bl:export focus FILE (see bl:export --help)");
        }
        Path file = Path.of(args.positionals().get(1)).toAbsolutePath();
        long rows = exports.exportFocus(args.tenant(), new LineQuery(args.option("carrier"), args.option("account"), null, null), file);
        out.printf("%,d charge lines written to %s in FOCUS columns%n", rows, file);
    }
}
