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

    private AuditStore store() {
        return (AuditStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AuditStore.class}, (proxy, method, args) -> {
            if (method.getName().equals("saveAuditRun")) {
                @SuppressWarnings("unchecked")
                List<Finding> findings = (List<Finding>) args[3];
                stored.addAll(findings);
                @SuppressWarnings("unchecked")
                List<String> detectors = (List<String>) args[2];
                return new AuditRunRecord(1, (Instant) args[1], Instant.now(), detectors, findings.size());
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
                detector("d-fast", 0, 1));
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
        assertEquals(List.of("a-slow", "b-broken", "c-fast", "d-fast"), report.detectors());
        assertEquals(List.of(new AuditService.DetectorFailure("b-broken", "b-broken cannot read its configuration")), report.failures());
        assertEquals(4, report.findings());
    }
}
