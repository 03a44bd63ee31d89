package org.bridgeline.negotiation.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.bridgeline.negotiation.PackageService;
import org.bridgeline.store.BillStore;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code bl:package CARRIER|--all [--out DIR]}: writes negotiation packages. */
@Component(service = Function.class, property = {"osgi.command.scope=bl", "osgi.command.function=package"})
public final class PackageCommand implements Function {

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
    public Object execute(CommandSession session, List<Object> arguments) throws Exception {
        PrintStream out = session.getConsole();
        List<String> args = arguments.stream().map(String::valueOf).toList();
        int at = args.indexOf("--out");
        if (args.isEmpty() || args.contains("--help") || at >= 0 && at + 1 >= args.size()) {
            out.println(USAGE);
            return null;
        }
        Path folder = at >= 0 ? Path.of(args.get(at + 1)).toAbsolutePath().normalize() : defaultOut;
        List<String> rest = at >= 0 ? java.util.stream.IntStream.range(0, args.size()).filter(i -> i != at && i != at + 1)
                .mapToObj(args::get).toList() : args;
        if (rest.size() != 1) {
            out.println("bl:package: expected one carrier or --all, found " + rest + "\n" + USAGE);
            return null;
        }
        String carrier = rest.get(0).equals("--all") ? null : rest.get(0);
        try {
            long started = System.nanoTime();
            List<PackageService.Written> written = packages.write(BillStore.DEFAULT_TENANT, carrier, folder);
            for (PackageService.Written w : written) {
                out.printf("%-22s spend %s a year, credits owed %s, savings %s a year, %d findings: %s%n", w.carrier(),
                        PackageHtml.fmt(w.currentAnnualSpend()), PackageHtml.fmt(w.recoverableCredits()),
                        PackageHtml.fmt(w.expectedAnnualSavings()), w.findings(), w.folder().resolve("package.html"));
            }
            out.printf("%d package%s in %d ms%n", written.size(), written.size() == 1 ? "" : "s", (System.nanoTime() - started) / 1_000_000);
        } catch (PackageService.PackageException e) {
            out.println("bl:package: " + e.getMessage());
        }
        return null;
    }
}
