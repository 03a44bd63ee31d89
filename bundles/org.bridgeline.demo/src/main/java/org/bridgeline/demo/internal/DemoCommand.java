package org.bridgeline.demo.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bridgeline.api.model.Money;
import org.bridgeline.console.Arguments;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.core.AuditService;
import org.bridgeline.core.BookService;
import org.bridgeline.core.ImportOptions;
import org.bridgeline.core.ImportReport;
import org.bridgeline.core.ImportService;
import org.bridgeline.core.InputsService;
import org.bridgeline.enterprise.EnterpriseFiles;
import org.bridgeline.enterprise.SeededEnterprise;
import org.bridgeline.negotiation.PackageService;
import org.bridgeline.store.AuditStore;
import org.bridgeline.store.Tenants;
import org.bridgeline.store.StoredFinding;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code bl:demo}: the main job end to end on a generated enterprise. Writes the enterprise's files
 * (or reuses those of the same seed), serves its illustrative benchmark table, imports the bills,
 * contracts, inventory and orders, audits, writes every carrier's negotiation package, sets the
 * findings against the ground truth and prints the summary.
 */
@Component(service = ConsoleCommand.class)
public final class DemoCommand implements ConsoleCommand {

    private static final String USAGE = """
            usage: bl:demo [--seed N] [--sites N]
              the main job on a generated enterprise (default seed 7, 25 sites): its files in data/demo/, its
              illustrative benchmark table in benchmarks/, import, audit, benchmark, the negotiation packages
              in data/packages/, and a summary""";

    private final ImportService imports;
    private final InputsService inputs;
    private final AuditService audits;
    private final PackageService packages;
    private final BookService books;
    private final AuditStore store;
    private final Path home;
    private final Path data;

    @Activate
    public DemoCommand(BundleContext context, @Reference ImportService imports, @Reference InputsService inputs,
            @Reference AuditService audits, @Reference PackageService packages, @Reference BookService books, @Reference AuditStore store) {
        this.imports = imports;
        this.inputs = inputs;
        this.audits = audits;
        this.packages = packages;
        this.books = books;
        this.store = store;
        this.home = Path.of(String.valueOf(context.getProperty("bridgeline.home")));
        this.data = Path.of(String.valueOf(context.getProperty("bridgeline.data")));
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "the main job on a generated enterprise: import, audit, benchmarks, packages, and a summary";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("seed", "sites");
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        args.positionals(0, 0, "no arguments but --seed and --sites");
        long started = System.nanoTime();
        String tenant = Tenants.DEFAULT;
        long seed = args.number("seed", 7, Long.MIN_VALUE, Long.MAX_VALUE);
        int sites = (int) args.number("sites", 25, 1, 10_000);
        Path folder = data.resolve("demo").resolve("seed-" + seed + "-sites-" + sites);
        if (!complete(folder)) {
            deleteDemoFolder(folder); // a folder an interrupted or older demo left: written again whole
            EnterpriseFiles.Written written = EnterpriseFiles.write(SeededEnterprise.generate(seed, sites), Files.createDirectories(folder));
            out.printf("1. enterprise of seed %d: %d sites, three carriers, %,d bills with %,d charge lines, in %s%n", seed, sites,
                    written.billFiles(), written.lines(), folder);
        } else {
            out.printf("1. enterprise of seed %d: %d sites, the files already in %s%n", seed, sites, folder);
        }
        out.println("2. benchmarks: " + serveBenchmarks(folder, tenant));
        ImportReport report = imports.importPath(folder.resolve("bills"), new ImportOptions(tenant, null, false, false), null);
        out.printf("3. import: %d files, %,d charge lines (%d refused, files imported before are not imported again)%n",
                report.files().size(), report.lines(), report.failedFiles());
        out.println("   " + inputs.importContracts(tenant, folder.resolve("contracts.json")));
        out.println("   " + inputs.importInventory(tenant, folder.resolve("inventory.csv")));
        out.println("   " + inputs.importOrders(tenant, folder.resolve("orders.csv")));
        out.println("   " + inputs.importRequirements(tenant, folder.resolve("requirements.csv")));
        AuditService.AuditReport audit = audits.audit(tenant, null, null, null);
        out.printf("4. audit: %d detectors, %d findings in %.1f s%n", audit.detectors().size(), audit.findings(), audit.millis() / 1000.0);
        for (AuditService.KindSummary kind : audit.byKind()) {
            out.printf("     %-26s %4d  %16s a year%n", kind.kind(), kind.findings(), fmt(kind.annual()));
        }
        Path packageFolder = data.resolve("packages");
        List<PackageService.Written> written = packages.write(tenant, null, packageFolder);
        out.println("5. negotiation packages:");
        Map<String, Money[]> totals = new LinkedHashMap<>();
        for (PackageService.Written w : written) {
            out.printf("     %-20s spend %16s a year, credits owed %14s, savings %14s a year%n", w.carrier(), fmt(w.currentAnnualSpend()),
                    fmt(w.recoverableCredits()), fmt(w.expectedAnnualSavings()));
            out.println("       " + w.folder().resolve("package.html"));
            totals.merge(w.currentAnnualSpend().currency().getCurrencyCode(), new Money[] {w.currentAnnualSpend(), w.recoverableCredits(),
                w.expectedAnnualSavings()}, (a, b) -> new Money[] {a[0].plus(b[0]), a[1].plus(b[1]), a[2].plus(b[2])});
        }
        out.println("6. the audit against the enterprise's ground truth:");
        for (SeededEnterprise.Score score : SeededEnterprise.scores(EnterpriseFiles.readTruth(folder.resolve("truth.json")),
                audit.detectors(), store.findings(tenant, audit.runId()).stream().map(StoredFinding::finding).toList())) {
            out.println("     " + score);
        }
        out.println();
        for (Money[] sum : totals.values()) {
            out.printf("Summary: spend %s a year with %d carriers; %d findings; credits owed %s; expected savings %s a year.%n",
                    fmt(sum[0]), written.size(), audit.findings(), fmt(sum[1]), fmt(sum[2]));
        }
        out.printf("Packages in %s (package.html, package.json, package-*.csv per carrier). Demo in %.1f s.%n", packageFolder,
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * Copies the enterprise's illustrative table into the table provider's folder and waits until
     * it answers (the provider looks at its folder once a second).
     */
    private String serveBenchmarks(Path folder, String tenant) throws IOException, InterruptedException {
        Path table = folder.resolve("benchmarks").resolve("illustrative-benchmarks.csv");
        Path target = Files.createDirectories(home.resolve("benchmarks")).resolve(table.getFileName());
        Files.copy(table, target, StandardCopyOption.REPLACE_EXISTING);
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (books.book(tenant, null).benchmarkCoverage().stream()
                    .anyMatch(coverage -> coverage.source().contains(SeededEnterprise.BENCHMARK_SOURCE))) {
                return "the enterprise's illustrative table (not market data) served from " + target;
            }
            Thread.sleep(100);
        }
        return "the illustrative table is in " + target + ", but no benchmark provider serves it (is the benchmarks feature "
                + "installed, or its folder configured elsewhere?): services will have no benchmark";
    }

    private static boolean complete(Path folder) {
        return List.of("truth.json", "requirements.csv", "contracts.json", "inventory.csv", "orders.csv", "bills",
                "benchmarks/illustrative-benchmarks.csv").stream().allMatch(name -> Files.exists(folder.resolve(name)));
    }

    private static void deleteDemoFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String fmt(Money money) {
        return String.format("%,.2f %s", money.rounded().amount(), money.currency().getCurrencyCode());
    }
}
