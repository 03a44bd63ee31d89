package org.bridgeline.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bridgeline.api.benchmark.BenchmarkProvider;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.RecommendedAction;
import org.bridgeline.api.model.Severity;
import org.bridgeline.api.parser.BillingParser;
import org.bridgeline.core.AuditService;
import org.bridgeline.core.PluginInfo;
import org.bridgeline.core.PluginRegistry;
import org.bridgeline.store.AuditRunRecord;
import org.bridgeline.store.AuditStore;
import org.bridgeline.store.BookStore;
import org.junit.jupiter.api.Test;

/** Detectors run side by side; what is stored does not depend on which finishes first, and one failing loses nothing else. */
class AuditServiceImplTest {

    private final List<Finding> stored = new ArrayList<>();

    private static AnomalyDetector detector(String id, long sleepMillis, int findings) {
        return new AnomalyDetector() {
            public String id() { return id; }
            public String description() { return id; }
            public List<Finding> detect(BookOfBusiness book) {
                if (findings < 0) {
                    throw new IllegalStateException(id + " cannot read its configuration");
                }
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                List<Finding> found = new ArrayList<>();
                for (int i = 0; i < findings; i++) {
                    found.add(new Finding(id, id + "-kind", Severity.LOW, "Acme", id + "-" + i, List.of(), Money.of("1.00", "USD"),
                            Money.of("12.00", "USD"), "found by " + id, RecommendedAction.REVIEW));
                }
                return found;
            }
        };
    }

    /** A detector that streams: it emits some findings, then breaks. */
    private static AnomalyDetector breakingHalfWay(String id) {
        return new AnomalyDetector() {
            public String id() { return id; }
            public String description() { return id; }
            public List<Finding> detect(BookOfBusiness book) {
                return AnomalyDetector.collect(this, book);
            }

            public void detect(BookOfBusiness book, java.util.function.Consumer<Finding> sink) {
                sink.accept(new Finding(id, id + "-kind", Severity.LOW, "Acme", id + "-0", List.of(), Money.of("1.00", "USD"),
                        Money.of("12.00", "USD"), "found by " + id, RecommendedAction.REVIEW));
                throw new IllegalStateException(id + " lost its way");
            }
        };
    }

    /** Orders what is added as the store does: by the detector's place in the run, then as added; a withdrawn detector's are dropped. */
    private AuditStore store() {
        return (AuditStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AuditStore.class}, (proxy, method, args) -> {
            if (method.getName().equals("beginAuditRun")) {
                @SuppressWarnings("unchecked")
                List<String> detectors = (List<String>) args[2];
                Instant started = (Instant) args[1];
                java.util.Map<String, List<Finding>> addedBy = new java.util.concurrent.ConcurrentHashMap<>();
                return new AuditStore.AuditRunWriter() {
                    public void add(String detectorId, Finding finding) {
                        addedBy.computeIfAbsent(detectorId, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(finding);
                    }

                    public void withdraw(String detectorId) {
                        addedBy.remove(detectorId);
                    }

                    public long findings() {
                        return addedBy.values().stream().mapToLong(List::size).sum();
                    }

                    public AuditRunRecord commit() {
                        detectors.forEach(id -> stored.addAll(addedBy.getOrDefault(id, List.of())));
                        return new AuditRunRecord(1, started, Instant.now(), detectors, stored.size());
                    }

                    public void close() {
                    }
                };
            }
            if (method.getName().equals("findingTotals")) {
                return List.of();
            }
            if (method.getName().equals("holdAudits")) {
                return (AuditStore.Hold) () -> { };
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }

    private static PluginRegistry registry(List<AnomalyDetector> detectors) {
        return new PluginRegistry() {
            public List<PluginInfo> plugins() { return List.of(); }
            public List<BillingParser> parsers() { return List.of(); }
            public Optional<BillingParser> parser(String id) { return Optional.empty(); }
            public List<BenchmarkProvider> benchmarkProviders() { return List.of(); }
            public List<AnomalyDetector> detectors() { return detectors; }
        };
    }

    @Test
    void findingsAreStoredInDetectorOrderWhateverFinishesFirstAndAFailureLosesNothingElse() {
        // the first by id is the slowest: it finishes last
        List<AnomalyDetector> detectors = List.of(detector("c-fast", 0, 1), detector("a-slow", 300, 2), detector("b-broken", 0, -1),
                detector("d-fast", 0, 1), breakingHalfWay("e-breaking"));
        AuditStore store = store();
        PluginRegistry registry = registry(detectors);
        BookStore books = new BookStore() { // these detectors never read the book
            public org.bridgeline.api.detect.BookOfBusiness book(String tenant, String carrier, org.bridgeline.store.Market market) {
                return null;
            }

            public org.bridgeline.store.Ledger ledger(String tenant) {
                return null;
            }
        };
        AuditService.AuditReport report = new AuditServiceImpl(registry, store, new BookServiceImpl(books, registry, new PolicyConfiguration()))
                .audit("t", null, null, null);
        assertEquals(List.of("a-slow-0", "a-slow-1", "c-fast-0", "d-fast-0"), stored.stream().map(Finding::serviceId).toList());
        assertEquals(List.of("a-slow", "b-broken", "c-fast", "d-fast", "e-breaking"), report.detectors());
        assertEquals(List.of(new AuditService.DetectorFailure("b-broken", "b-broken cannot read its configuration"),
                new AuditService.DetectorFailure("e-breaking", "e-breaking lost its way")), report.failures());
        assertEquals(4, report.findings());
    }
}
