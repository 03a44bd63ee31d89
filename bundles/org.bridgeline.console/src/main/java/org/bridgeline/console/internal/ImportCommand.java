package org.bridgeline.console.internal;

import org.bridgeline.console.CommandException;
import org.bridgeline.console.Arguments;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.core.FileOutcome;
import org.bridgeline.core.ImportIssue;
import org.bridgeline.core.ImportOptions;
import org.bridgeline.core.ImportReport;
import org.bridgeline.core.ImportService;
import org.bridgeline.core.Json;
import org.bridgeline.core.InvoiceOutcome;
import org.bridgeline.store.CategoryTotal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class)
public final class ImportCommand extends BlCommand {

    private final ImportService imports;

    @Activate
    public ImportCommand(@Reference ImportService imports) {
        super("import", "import carrier bills: a file, a folder (recursively) or a zip",
                """
                usage: bl:import PATH [--parser ID] [--dry-run] [--keep-good] [--json]
                  --parser ID   use this parser instead of the most confident one (see bl:plugins)
                  --dry-run     parse and check everything, store nothing
                  --keep-good   import a bill without its bad records (listed) instead of rejecting it whole
                  --json        print the report as JSON
                  Each invoice is stored whole or not at all; a file imported before is not imported again.""");
        this.imports = imports;
    }

    @Override
    public Set<String> flags() {
        return Set.of("dry-run", "keep-good", "json");
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("parser");
    }

    @Override
    public void run(Arguments args, PrintStream out) {
        if (args.positionals().size() != 1) {
            throw new CommandException("bl:import needs one PATH, found " + args.positionals().size() + " (see bl:import --help)");
        }
        Path path = Path.of(args.positionals().get(0)).toAbsolutePath();
        ImportOptions options = new ImportOptions(args.tenant(), args.option("parser"), args.flag("dry-run"),
                args.flag("keep-good"));
        boolean json = args.flag("json");
        ImportReport report;
        long started = System.nanoTime();
        try {
            report = imports.importPath(path, options, json ? null : (file, lines, bytes) -> {
                double seconds = Math.max((System.nanoTime() - started) / 1e9, 0.001);
                out.printf("  ... %s: %,d lines, %,d KiB read, %,.0f lines/s%n", file, lines, bytes / 1024, lines / seconds);
            });
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
        if (json) {
            out.println(Json.pretty().toJson(report));
        } else {
            print(report, out);
        }
        if (report.failedFiles() > 0) {
            throw new CommandException(report.failedFiles() + " of " + report.files().size() + " files not fully imported (see the report)");
        }
    }

    private static void print(ImportReport report, PrintStream out) {
        Table files = new Table("FILE", "PARSER", "INVOICES", "LINES", "STATUS", "NOTE");
        for (FileOutcome file : report.files()) {
            files.row(file.file(), file.parserId(), file.invoices().size(), file.lines(), file.status(),
                    file.message() == null ? "" : file.message());
        }
        files.print(out);
        Table invoices = new Table("CARRIER", "ACCOUNT", "INVOICE", "DATE", "LINES", "LEFT OUT", "LINE TOTAL", "STATED", "BALANCE", "OUTCOME");
        Table categories = new Table("INVOICE", "CATEGORY", "LINES", "TOTAL");
        for (FileOutcome file : report.files()) {
            for (InvoiceOutcome invoice : file.invoices()) {
                invoices.row(invoice.carrier(), invoice.account(), invoice.number(), invoice.date(), invoice.lines(),
                        invoice.linesLeftOut(), invoice.lineTotal(), invoice.statedTotal(), invoice.balance(), invoice.status());
                for (CategoryTotal total : invoice.byCategory()) {
                    categories.row(invoice.number(), total.category(), total.lines(), total.total());
                }
            }
        }
        if (!invoices.isEmpty()) {
            out.println();
            invoices.print(out);
            out.println();
            categories.print(out);
        }
        boolean anyIssue = report.files().stream().anyMatch(f -> !f.issues().isEmpty());
        if (anyIssue) {
            out.println();
            out.println("problems:");
            for (FileOutcome file : report.files()) {
                for (ImportIssue issue : file.issues()) {
                    out.println("  " + (issue.error() ? "error: " : "warning: ") + issue.message());
                }
                if (file.moreIssues() > 0) {
                    out.printf("  ... and %,d more in %s%n", file.moreIssues(), file.file());
                }
            }
        }
        out.printf("%n%s%,d files, %,d lines in %.1f s%n", report.dryRun() ? "dry run, nothing stored: " : "",
                report.files().size(), report.lines(), report.millis() / 1000.0);
    }
}
