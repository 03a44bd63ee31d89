package org.bridgeline.detect.inventory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.enterprise.AdversarialEnterprise;
import org.bridgeline.testkit.InMemoryBook;
import org.junit.jupiter.api.Test;

class RecurringPriceCandidatesTest {

    /** The book, counting its passes over billed prices; the first one fails when asked to. */
    private static BookOfBusiness counting(BookOfBusiness book, AtomicInteger passes, boolean failFirst) {
        return (BookOfBusiness) Proxy.newProxyInstance(RecurringPriceCandidatesTest.class.getClassLoader(), new Class<?>[] {BookOfBusiness.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "billedPrices" -> {
                            if (passes.incrementAndGet() == 1 && failFirst) {
                                throw new IllegalStateException("the store is away");
                            }
                        }
                        default -> {
                        }
                    }
                    try {
                        return method.invoke(book, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static List<AnomalyDetector> detectors(RecurringPriceCandidates candidates) {
        return List.of(new RateAboveContractDetector(candidates), new OutOfTermPricingDetector(candidates),
                new UnrequestedFeatureDetector(candidates));
    }

    private static List<String> found(List<AnomalyDetector> detectors, BookOfBusiness book) {
        return detectors.stream().flatMap(detector -> detector.detect(book).stream())
                .map(finding -> finding.detectorId() + " " + finding.serviceId() + " " + finding.evidence().size()).toList();
    }

    @Test
    void theContractAndFeatureDetectorsShareOnePassPerCarrierAndFindWhatTheyFoundAlone() {
        InMemoryBook enterprise = InMemoryBook.of(AdversarialEnterprise.generate(7, 16));
        AtomicInteger passes = new AtomicInteger();
        BookOfBusiness book = counting(enterprise, passes, false);
        List<String> shared = found(detectors(new RecurringPriceCandidates()), book);

        Set<String> carriers = new java.util.TreeSet<>();
        enterprise.contracts.forEach(contract -> carriers.add(contract.carrier()));
        enterprise.expected.forEach(service -> carriers.add(service.carrier()));
        enterprise.orders.forEach(order -> carriers.add(order.carrier()));
        assertEquals(carriers.size(), passes.get(), "one pass per carrier, whichever detector asks first");

        List<String> alone = found(List.of(new RateAboveContractDetector(new RecurringPriceCandidates()),
                new OutOfTermPricingDetector(new RecurringPriceCandidates()), new UnrequestedFeatureDetector(new RecurringPriceCandidates())),
                InMemoryBook.of(AdversarialEnterprise.generate(7, 16)));
        assertFalse(shared.isEmpty(), "the enterprise has anomalies of these detectors");
        assertEquals(alone, shared);
    }

    @Test
    void anotherBookReadsAgainAndAFailedPassIsTriedAgainByTheNextCaller() {
        InMemoryBook enterprise = InMemoryBook.of(AdversarialEnterprise.generate(7, 16));
        String carrier = enterprise.contracts.get(0).carrier();
        RecurringPriceCandidates candidates = new RecurringPriceCandidates();
        AtomicInteger passes = new AtomicInteger();
        BookOfBusiness failing = counting(enterprise, passes, true);
        assertThrows(IllegalStateException.class, () -> candidates.of(failing, carrier));
        RecurringPriceCandidates.Candidates found = candidates.of(failing, carrier);
        assertEquals(found, candidates.of(failing, carrier));
        assertEquals(2, passes.get(), "tried again once, then kept");
        candidates.of(counting(enterprise, passes, false), carrier);
        assertEquals(3, passes.get(), "another book (another audit) reads again");
    }

    @Test
    void aBookWithoutRecordsOfTheCarrierIsNotRead() {
        AtomicInteger passes = new AtomicInteger();
        RecurringPriceCandidates.Candidates found = new RecurringPriceCandidates().of(counting(new InMemoryBook(), passes, false), "Acme");
        assertEquals(new RecurringPriceCandidates.Candidates(Set.of(), Set.of()), found);
        assertEquals(0, passes.get());
    }

}
