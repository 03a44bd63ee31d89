package org.bridgeline.negotiation.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.bridgeline.console.Arguments;
import org.bridgeline.console.CommandException;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.negotiation.PackageService;
import org.bridgeline.store.Tenants;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code bl:package CARRIER|--all [--out DIR]}: writes negotiation packages. */
@Component(service = ConsoleCommand.class)
public final class PackageCommand implements ConsoleCommand {

    private static final String USAGE = """
            usage: bl:package CARRIER|--all [--out DIR]
              writes, per carrier, the negotiation package from the book of business and the latest audit run:
              package.json (schema bridgeline-negotiation-package/1), package-services.csv, package-credits.csv,
              package-disconnects.csv, package-requirements.csv and package.html, into DIR/<carrier>/
              (default DIR: data/packages)""";

    private final PackageService packages;
    private final Path defaultOut;

    @Activate
    public PackageCommand(BundleContext context, @Reference PackageService packages) {
        this.packages = packages;
        String data = context.getProperty("bridgeline.data");
        this.defaultOut = Path.of(data == null ? "data" : data, "packages");
    }

    @Override
    public String name() {
        return "package";
    }

    @Override
    public String summary() {
        return "writes per carrier the negotiation package (JSON, CSV, HTML) from the book and the latest audit";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public Set<String> flags() {
        return Set.of("all");
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("out");
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        List<String> carriers = args.positionals(args.flag("all") ? 0 : 1, args.flag("all") ? 0 : 1, "one carrier or --all");
        Path folder = args.option("out") == null ? defaultOut : Path.of(args.option("out")).toAbsolutePath().normalize();
        String carrier = args.flag("all") ? null : carriers.get(0);
        try {
            long started = System.nanoTime();
            List<PackageService.Written> written = packages.write(Tenants.DEFAULT, carrier, folder);
            for (PackageService.Written w : written) {
                String spend = w.monthsBilled() >= 12 ? "spend " + PackageHtml.fmt(w.currentAnnualSpend()) + " a year"
                        : "spend " + PackageHtml.fmt(w.billedSpend()) + " over " + PackageHtml.months(w.monthsBilled()) + ", annualised "
                        + PackageHtml.fmt(w.currentAnnualSpend()) + " a year";
                out.printf("%-22s %s, credits owed %s, savings %s a year, %d findings%s: %s%n", w.carrier(), spend,
                        PackageHtml.fmt(w.recoverableCredits()), PackageHtml.fmt(w.expectedAnnualSavings()), w.findings(),
                        w.unreconciledInvoices() == 0 ? "" : ", " + w.unreconciledInvoices() + " invoices NOT RECONCILED",
                        w.folder().resolve("package.html"));
            }
            out.printf("%d package%s in %d ms%n", written.size(), written.size() == 1 ? "" : "s", (System.nanoTime() - started) / 1_000_000);
        } catch (PackageService.PackageException e) {
            throw new CommandException("bl:package: " + e.getMessage());
        }
    }
}
