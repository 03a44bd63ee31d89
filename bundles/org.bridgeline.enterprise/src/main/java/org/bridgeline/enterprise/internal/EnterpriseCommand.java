package org.bridgeline.enterprise.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bridgeline.console.Arguments;
import org.bridgeline.console.CommandException;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.enterprise.EnterpriseFiles;
import org.bridgeline.enterprise.SeededEnterprise;
import org.bridgeline.enterprise.SeededEnterprise.Anomaly;
import org.bridgeline.enterprise.SeededEnterprise.Score;
import org.bridgeline.store.AuditRunRecord;
import org.bridgeline.store.BillStore;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.StoredFinding;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code bl:enterprise}: writes a seeded enterprise as carrier files, and scores the latest audit
 * against its ground truth.
 */
@Component(service = ConsoleCommand.class)
public final class EnterpriseCommand implements ConsoleCommand {

    private static final String USAGE = """
            usage: bl:enterprise generate DIR [--seed N] [--sites N]
                   bl:enterprise score DIR
              generate  writes a seeded enterprise into DIR: twelve months of bills of three carriers (X12 811 in two
                        dialects and a CSV export), contracts.json, inventory.csv, orders.csv and truth.json, the
                        anomalies injected into them; the same seed writes the same files (default seed 1, 25 sites)
              score     sets the findings of the latest audit run against DIR/truth.json: per detector, the
                        findings, the anomalies expected, precision and recall""";

    private final BillStore store;

    @Activate
    public EnterpriseCommand(@Reference BillStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "enterprise";
    }

    @Override
    public String summary() {
        return "writes a seeded enterprise as carrier files with its ground truth, or scores the latest audit against it";
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
        List<String> words = args.positionals(2, 2, "generate DIR or score DIR");
        Path folder = Path.of(words.get(1)).toAbsolutePath().normalize();
        try {
            switch (words.get(0)) {
                case "generate" -> generate(folder, args.number("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE), (int) args.number("sites", 25, 1, 10_000), out);
                case "score" -> score(folder, out);
                default -> throw new CommandException("bl:enterprise: expected generate or score, found " + words.get(0)
                        + " (see bl:enterprise --help)");
            }
        } catch (IllegalArgumentException | IOException | StoreException e) {
            throw new CommandException("bl:enterprise " + words.get(0) + ": " + e.getMessage());
        }
    }

    private static void generate(Path folder, long seed, int sites, PrintStream out) throws IOException {
        if (Files.isDirectory(folder) && Files.list(folder).findAny().isPresent()) {
            throw new IllegalArgumentException(folder + " is not empty: give a new or empty folder, nothing was written");
        }
        EnterpriseFiles.Written written = EnterpriseFiles.write(SeededEnterprise.generate(seed, sites), Files.createDirectories(folder));
        out.printf("enterprise of seed %d, %d sites: %,d bills, %,d charge lines, %d injected anomalies in %s%n", seed, sites,
                written.billFiles(), written.lines(), written.anomalies(), folder);
        out.println("next: bl:import " + folder.resolve("bills") + ", bl:contract-import " + folder.resolve("contracts.json")
                + ", bl:inventory-import " + folder.resolve("inventory.csv") + ", bl:orders-import " + folder.resolve("orders.csv")
                + ", bl:audit, bl:enterprise score " + folder);
    }

    private void score(Path folder, PrintStream out) throws IOException, StoreException {
        Path truthFile = folder.resolve("truth.json");
        if (!Files.isRegularFile(truthFile)) {
            throw new IllegalArgumentException("no " + truthFile + ": give the folder bl:enterprise generate wrote");
        }
        List<Anomaly> truth = EnterpriseFiles.readTruth(truthFile);
        Optional<AuditRunRecord> run = store.latestAuditRun(BillStore.DEFAULT_TENANT);
        if (run.isEmpty()) {
            throw new IllegalArgumentException("no audit run yet: run bl:audit first");
        }
        printScores(truth, run.get(), store.findings(BillStore.DEFAULT_TENANT, run.get().runId()), truthFile, out);
    }

    /** Each detector's precision and recall of an audit run against a ground truth. */
    private static void printScores(List<Anomaly> truth, AuditRunRecord run, List<StoredFinding> stored, Path truthFile, PrintStream out) {
        out.printf("audit run %d against %s (%d anomalies)%n", run.runId(), truthFile, truth.size());
        for (Score score : SeededEnterprise.scores(truth, run.detectors(), stored.stream().map(StoredFinding::finding).toList())) {
            out.println("  " + score + (run.detectors().contains(score.detectorId()) ? "" : "  (not in the run)"));
        }
    }
}
