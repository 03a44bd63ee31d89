package org.bridgeline.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
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
import org.bridgeline.core.AuditListener;
import org.bridgeline.core.AuditService;
import org.bridgeline.core.BookService;
import org.bridgeline.core.PluginRegistry;
import org.bridgeline.store.AuditRunRecord;
import org.bridgeline.store.AuditStore;
import org.bridgeline.store.FindingTotal;
import org.bridgeline.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs the registered detectors, each on its own and in id order, over a view of the book of
 * business; a detector that throws fails alone. The run and its findings are stored together, the
 * findings as the detectors emit them.
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
        // detectors run side by side, one per core, each streaming its findings to the store as it
        // emits them; the store keeps them in detector order, so the same data gives the same run
        // whatever finishes first, and no run of any size is held in memory
        List<String> ran = detectors.stream().map(AnomalyDetector::id).toList();
        List<DetectorFailure> failedBy = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();
        int threads = Math.max(1, Math.min(detectors.size(), Runtime.getRuntime().availableProcessors()));
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "bl-audit-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        AuditRunRecord run;
        try (AuditStore.AuditRunWriter writer = store.beginAuditRun(tenant, started, ran)) {
            List<Future<?>> running = new ArrayList<>();
            for (AnomalyDetector detector : detectors) {
                running.add(pool.submit(() -> {
                    long detectorStart = System.nanoTime();
                    long[] found = {0};
                    try {
                        detector.detect(book, finding -> {
                            if (carrier == null || carrier.equals(finding.carrier())) {
                                store(writer, detector.id(), finding);
                                found[0]++;
                            }
                        });
                    } catch (FindingNotStored e) {
                        throw e;
                    } catch (RuntimeException | LinkageError e) {
                        LOG.log(Level.WARNING, "detector " + detector.id() + " failed", e);
                        failedBy.add(new DetectorFailure(detector.id(), e.getMessage() == null ? e.toString() : e.getMessage()));
                        writer.withdraw(detector.id());
                        found[0] = 0;
                    }
                    if (progress != null) {
                        progress.detectorDone(detector.id(), done.incrementAndGet(), detectors.size(), found[0],
                                (System.nanoTime() - detectorStart) / 1_000_000);
                    }
                    return null;
                }));
            }
            for (Future<?> detector : running) {
                detector.get();
            }
            run = writer.commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the audit was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof FindingNotStored notStored) {
                throw new IllegalStateException("the audit cannot store its findings: " + notStored.getMessage(), notStored.getCause());
            }
            throw new IllegalStateException("the audit failed: " + e.getCause(), e.getCause());
        } catch (StoreException e) {
            throw new IllegalStateException("the audit cannot store its run: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
        List<DetectorFailure> failures = new ArrayList<>(failedBy);
        failures.sort(Comparator.comparing(DetectorFailure::detectorId));
        List<KindSummary> byKind;
        try {
            byKind = summarise(store.findingTotals(tenant, run.runId()));
        } catch (StoreException e) {
            throw new IllegalStateException("audit run " + run.runId() + " is stored but cannot be totalled: " + e.getMessage(), e);
        }
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        LOG.info("audit run " + run.runId() + ": " + ran.size() + " detectors, " + run.findings() + " findings, " + failures.size()
                + " failed, " + millis + " ms");
        return new AuditReport(run.runId(), ran, byKind, failures, run.findings(), millis);
    }

    private static void store(AuditStore.AuditRunWriter writer, String detectorId, Finding finding) {
        try {
            writer.add(detectorId, finding);
        } catch (StoreException e) {
            throw new FindingNotStored(e);
        }
    }

    /** The store refused a finding: the whole audit fails, not the detector that emitted it. */
    private static final class FindingNotStored extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FindingNotStored(StoreException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** The store's totals per kind and currency, largest annual impact first. */
    static List<KindSummary> summarise(List<FindingTotal> totals) {
        List<KindSummary> summaries = new ArrayList<>();
        for (FindingTotal total : totals) {
            summaries.add(new KindSummary(total.kind(), total.findings(), total.monthly(), total.annual()));
        }
        summaries.sort(Comparator.comparing((KindSummary sum) -> sum.annual().amount()).reversed().thenComparing(KindSummary::kind));
        return summaries;
    }

}
