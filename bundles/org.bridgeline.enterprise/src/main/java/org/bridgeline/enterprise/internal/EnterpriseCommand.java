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
import org.bridgeline.enterprise.AdversarialEnterprise;
import org.bridgeline.enterprise.GeneratedEnterprise;
import org.bridgeline.enterprise.GroundTruth;
import org.bridgeline.enterprise.GroundTruth.KindScore;
import org.bridgeline.enterprise.SeededEnterprise;
import org.bridgeline.store.AuditRunRecord;
import org.bridgeline.store.AuditStore;
import org.bridgeline.store.Tenants;
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
            usage: bl:enterprise generate DIR [--seed N] [--sites N] [--adversarial]
                   bl:enterprise score DIR
              generate       writes a seeded enterprise into DIR: twelve months of bills of three carriers (X12 811 in two
                             dialects and a CSV export), contracts.json, inventory.csv, orders.csv and truth.json, the
                             anomalies injected into them; the same seed writes the same files (default seed 1, 25 sites)
              --adversarial  writes the adversarial enterprise instead: master agreements with service schedules and
                             post-term rules, inventories with features, feature orders, local lines, usage in arrears,
                             unknown bandwidths, and for every anomaly the look-alike controls that must not be reported
                             (charge-level CSV export; at least 12 sites)
              score          sets the findings of the latest audit run against DIR/truth.json: per detector and kind, the
                             findings, the anomalies expected, the controls flagged, precision and recall""";

    private final AuditStore store;

    @Activate
    public EnterpriseCommand(@Reference AuditStore store) {
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
    public Set<String> flags() {
        return Set.of("adversarial");
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
                case "generate" -> generate(folder, args.number("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE), (int) args.number("sites", 25, 1, 10_000),
                        args.flag("adversarial"), out);
                case "score" -> score(folder, out);
                default -> throw new CommandException("bl:enterprise: expected generate or score, found " + words.get(0)
                        + " (see bl:enterprise --help)");
            }
        } catch (IllegalArgumentException | IOException | StoreException e) {
            throw new CommandException("bl:enterprise " + words.get(0) + ": " + e.getMessage());
        }
    }

    private static void generate(Path folder, long seed, int sites, boolean adversarial, PrintStream out) throws IOException {
        if (Files.isDirectory(folder) && Files.list(folder).findAny().isPresent()) {
            throw new IllegalArgumentException(folder + " is not empty: give a new or empty folder, nothing was written");
        }
        GeneratedEnterprise enterprise = adversarial ? AdversarialEnterprise.generate(seed, sites) : SeededEnterprise.generate(seed, sites);
        EnterpriseFiles.Written written = EnterpriseFiles.write(enterprise, Files.createDirectories(folder));
        out.printf("%s enterprise of seed %d, %d sites: %,d bills, %,d charge lines, %d injected anomalies and %d controls in %s%n",
                enterprise.generator(), seed, sites, written.billFiles(), written.lines(), written.anomalies(),
                enterprise.groundTruth().controls().size(), folder);
        out.println("next: bl:import " + folder.resolve("bills") + ", bl:contract-import " + folder.resolve("contracts.json")
                + ", bl:inventory-import " + folder.resolve("inventory.csv") + ", bl:orders-import " + folder.resolve("orders.csv")
                + ", bl:audit, bl:enterprise score " + folder);
    }

    private void score(Path folder, PrintStream out) throws IOException, StoreException {
        Path truthFile = folder.resolve("truth.json");
        if (!Files.isRegularFile(truthFile)) {
            throw new IllegalArgumentException("no " + truthFile + ": give the folder bl:enterprise generate wrote");
        }
        GroundTruth truth = EnterpriseFiles.readGroundTruth(truthFile);
        Optional<AuditRunRecord> run = store.latestAuditRun(Tenants.DEFAULT);
        if (run.isEmpty()) {
            throw new IllegalArgumentException("no audit run yet: run bl:audit first");
        }
        printScores(truth, run.get(), store.findings(Tenants.DEFAULT, run.get().runId()), truthFile, out);
    }

    /** Each kind's precision and recall of an audit run against a ground truth, with the controls it flagged. */
    private static void printScores(GroundTruth truth, AuditRunRecord run, List<StoredFinding> stored, Path truthFile, PrintStream out) {
        out.printf("audit run %d against %s (%d anomalies, %d controls)%n", run.runId(), truthFile, truth.anomalies().size(),
                truth.controls().size());
        for (KindScore score : truth.scores(stored.stream().map(StoredFinding::finding).toList())) {
            out.println("  " + score + (run.detectors().contains(score.detectorId()) ? "" : "  (not in the run)"));
        }
    }
}
