package org.bridgeline.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.core.AuditListener;
import org.bridgeline.core.AuditService;
import org.bridgeline.core.BookService;
import org.bridgeline.core.PluginRegistry;
import org.bridgeline.store.AuditRunRecord;
import org.bridgeline.store.AuditStore;
import org.bridgeline.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs the registered detectors, each on its own and in id order, over a view of the book of
 * business; a detector that throws fails alone. The run and its findings are stored together.
 */
@Component(service = AuditService.class)
public final class AuditServiceImpl implements AuditService {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.core.audit");

    private final PluginRegistry registry;
    private final AuditStore store;

    private final BookService books;
    private final List<AuditListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Activate
    public AuditServiceImpl(@Reference PluginRegistry registry, @Reference AuditStore store, @Reference BookService books) {
        this.registry = registry;
        this.store = store;
        this.books = books;
    }

    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    void addListener(AuditListener listener) {
        listeners.add(listener);
    }

    void removeListener(AuditListener listener) {
        listeners.remove(listener);
    }

    /** Two audits of one tenant (on this runtime or another on the same database) take turns: the later one reads what the earlier stored. */
    @Override
    public AuditReport audit(String tenant, String carrier, String detectorId, Progress progress) {
        AuditReport report;
        try (AuditStore.Hold hold = store.holdAudits(tenant)) {
            report = auditHeld(tenant, carrier, detectorId, progress);
        } catch (StoreException e) {
            throw new IllegalStateException("the audit cannot take its turn: " + e.getMessage(), e);
        }
        Listeners.tellEach(listeners, LOG, "after audit run " + report.runId() + " of " + tenant,
                listener -> listener.audited(tenant, report.runId(), carrier, detectorId == null));
        return report;
    }

    private AuditReport auditHeld(String tenant, String carrier, String detectorId, Progress progress) {
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        List<AnomalyDetector> detectors = registry.detectors().stream()
                .filter(detector -> detectorId == null || detectorId.equals(detector.id()))
                .sorted(Comparator.comparing(AnomalyDetector::id)).toList();
        if (detectors.isEmpty()) {
            throw new IllegalArgumentException(detectorId == null ? "no detector is registered: install a detector feature"
                    : "no detector with id " + detectorId + "; registered: "
                            + String.join(", ", registry.detectors().stream().map(AnomalyDetector::id).sorted().toList()));
        }
        BookOfBusiness book = books.book(tenant, carrier);
        // detectors run side by side, one per core; their findings are kept in detector order so the
        // same data gives the same run whatever finishes first
        List<String> ran = detectors.stream().map(AnomalyDetector::id).toList();
        List<List<Finding>> foundBy = new ArrayList<>(Collections.nCopies(detectors.size(), List.of()));
        List<DetectorFailure> failedBy = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        int threads = Math.max(1, Math.min(detectors.size(), Runtime.getRuntime().availableProcessors()));
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "bl-audit-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < detectors.size(); i++) {
                int index = i;
                running.add(pool.submit(() -> {
                    AnomalyDetector detector = detectors.get(index);
                    long detectorStart = System.nanoTime();
                    List<Finding> found;
                    try {
                        found = List.copyOf(detector.detect(book));
                    } catch (RuntimeException | LinkageError e) {
                        LOG.log(Level.WARNING, "detector " + detector.id() + " failed", e);
                        failedBy.add(new DetectorFailure(detector.id(), e.getMessage() == null ? e.toString() : e.getMessage()));
                        found = List.of();
                    }
                    foundBy.set(index, found);
                    if (progress != null) {
                        progress.detectorDone(detector.id(), done.incrementAndGet(), detectors.size(), found.size(),
                                (System.nanoTime() - detectorStart) / 1_000_000);
                    }
                }));
            }
            for (Future<?> detector : running) {
                detector.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the audit was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the audit failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<Finding> findings = new ArrayList<>();
        foundBy.forEach(found -> found.stream().filter(finding -> carrier == null || carrier.equals(finding.carrier()))
                .forEach(findings::add));
        List<DetectorFailure> failures = new ArrayList<>(failedBy);
        failures.sort(Comparator.comparing(DetectorFailure::detectorId));
        AuditRunRecord run;
        try {
            run = store.saveAuditRun(tenant, started, ran, findings);
        } catch (StoreException e) {
            throw new IllegalStateException("the audit found " + findings.size() + " findings but cannot store them: " + e.getMessage(), e);
        }
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        LOG.info("audit run " + run.runId() + ": " + ran.size() + " detectors, " + findings.size() + " findings, " + failures.size()
                + " failed, " + millis + " ms");
        return new AuditReport(run.runId(), ran, summarise(findings), failures, findings.size(), millis);
    }

    static List<KindSummary> summarise(List<Finding> findings) {
        Map<String, KindSummary> byKind = new LinkedHashMap<>();
        for (Finding finding : findings) {
            String key = finding.kind() + " " + finding.monthlyImpact().currency().getCurrencyCode();
            KindSummary sum = byKind.get(key);
            byKind.put(key, sum == null ? new KindSummary(finding.kind(), 1, finding.monthlyImpact(), finding.annualImpact())
                    : new KindSummary(finding.kind(), sum.findings() + 1, sum.monthly().plus(finding.monthlyImpact()),
                            sum.annual().plus(finding.annualImpact())));
        }
        List<KindSummary> summaries = new ArrayList<>(byKind.values());
        summaries.sort(Comparator.comparing((KindSummary sum) -> sum.annual().amount()).reversed().thenComparing(KindSummary::kind));
        return summaries;
    }

}
