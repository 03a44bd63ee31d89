package org.bridgeline.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Finding;

/**
 * The conformance kit for an anomaly detector, at the level of its contract: run over a book of
 * business (the testkit's {@link InMemoryBook}, for example of a {@code SeededEnterprise}), it
 * must say who it is, find the same things twice and from two threads at once, find nothing in
 * an empty book, and give findings that carry its id, money in one currency, an explanation with
 * the numbers, and evidence that is the book's own lines.
 */
public final class DetectorConformance {

    private final AnomalyDetector detector;
    private final List<InMemoryBook> books = new ArrayList<>();

    private DetectorConformance(AnomalyDetector detector) {
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    public static DetectorConformance of(AnomalyDetector detector) {
        return new DetectorConformance(detector);
    }

    /** A book to run the detector over; give one where it has something to find. */
    public DetectorConformance on(InMemoryBook book) {
        books.add(book);
        return this;
    }

    public void check() {
        List<String> failures = failures();
        if (!failures.isEmpty()) {
            throw new AssertionError(detector.getClass().getName() + " does not conform:\n  - " + String.join("\n  - ", failures));
        }
    }

    public List<String> failures() {
        List<String> failures = new ArrayList<>();
        String id = detector.id();
        if (id == null || !id.matches("[a-z0-9][a-z0-9.-]*")) {
            failures.add("id() is \"" + id + "\": a stable id of lower-case letters, digits, dots and dashes");
            return failures;
        }
        if (detector.description() == null || detector.description().isBlank()) {
            failures.add("description(): say in a few words what it finds; bl:plugins shows it");
        }
        List<Finding> none = run(new InMemoryBook(), failures, "an empty book");
        if (none != null && !none.isEmpty()) {
            failures.add("an empty book: " + none.size() + " findings; with nothing billed there is nothing to find");
        }
        if (books.isEmpty()) {
            failures.add("no book: give one with on(book) where the detector has something to find");
        }
        for (InMemoryBook book : books) {
            List<Finding> first = run(book, failures, "the book");
            if (first == null) {
                continue;
            }
            if (first.isEmpty()) {
                failures.add("the book: no findings; give a book where the detector has something to find, so its findings can be checked");
            }
            List<Finding> again = run(book, failures, "the book again");
            if (again != null && !again.equals(first)) {
                failures.add("determinism: two runs over the same book gave different findings (or a different order): keep the order of "
                        + "what the book streams, and no state between runs");
            }
            CompletableFuture<List<Finding>> one = CompletableFuture.supplyAsync(() -> detector.detect(book));
            CompletableFuture<List<Finding>> two = CompletableFuture.supplyAsync(() -> detector.detect(book));
            try {
                if (!one.get().equals(first) || !two.get().equals(first)) {
                    failures.add("concurrency: two runs at once gave different findings: keep a run's state in the run, not in fields");
                }
            } catch (Exception e) {
                failures.add("concurrency: two runs at once failed: " + (e.getCause() == null ? e : e.getCause()));
            }
            Set<ChargeLine> lines = new HashSet<>(book.lines);
            for (Finding finding : first) {
                String what = "finding " + finding.kind() + " on " + finding.serviceId();
                if (!finding.detectorId().equals(id)) {
                    failures.add(what + ": its detectorId is \"" + finding.detectorId() + "\", not the detector's id \"" + id + "\"");
                }
                if (!finding.monthlyImpact().currency().equals(finding.annualImpact().currency())
                        || !finding.recoverable().currency().equals(finding.monthlyImpact().currency())) {
                    failures.add(what + ": monthly, annual and recoverable amounts in different currencies");
                }
                if (!finding.explanation().matches("(?s).*\\d.*")) {
                    failures.add(what + ": the explanation has no figure in it: say what was billed and what it should be");
                }
                for (ChargeLine cited : finding.evidence()) {
                    if (!lines.contains(cited)) {
                        failures.add(what + ": cites a line that is not in the book (" + cited.source() + "): cite the book's own lines");
                        break;
                    }
                }
            }
        }
        return failures;
    }

    private List<Finding> run(InMemoryBook book, List<String> failures, String what) {
        try {
            List<Finding> findings = detector.detect(book);
            if (findings == null) {
                failures.add(what + ": detect() returned null; return an empty list when there is nothing to find");
            }
            return findings;
        } catch (RuntimeException e) {
            failures.add(what + ": detect() threw " + e + ": a detector must not fail on a book it can read");
            return null;
        }
    }
}
