package org.bridgeline.detect.inventory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.model.Contract;
import org.bridgeline.enterprise.AdversarialEnterprise;
import org.bridgeline.testkit.InMemoryBook;
import org.junit.jupiter.api.Test;

class RecurringPriceCandidatesTest {

    /** The book, counting its passes over billed prices; the first one fails when asked to. */
    private static BookOfBusiness counting(BookOfBusiness book, AtomicInteger passes, boolean failFirst) {
        return beforeEachPass(book, () -> {
            if (passes.incrementAndGet() == 1 && failFirst) {
                throw new IllegalStateException("the store is away");
            }
        });
    }

    /** The book, running {@code pass} before each pass over billed prices. */
    private static BookOfBusiness beforeEachPass(BookOfBusiness book, Runnable pass) {
        return (BookOfBusiness) Proxy.newProxyInstance(RecurringPriceCandidatesTest.class.getClassLoader(), new Class<?>[] {BookOfBusiness.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "billedPrices" -> pass.run();
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
    void callersAtOnceShareTheCarriersInsteadOfWaitingOnEachOther() throws Exception {
        InMemoryBook enterprise = InMemoryBook.of(AdversarialEnterprise.generate(7, 16));
        List<String> carriers = enterprise.contracts.stream().map(Contract::carrier).distinct().sorted().limit(2).toList();
        assertEquals(2, carriers.size(), "the enterprise has contracts with two carriers or more");
        // each pass waits until two are under way: a caller that waited for the other's first carrier before taking the
        // second would leave the first pass waiting out its time
        CountDownLatch bothUnderWay = new CountDownLatch(2);
        List<Boolean> sawTheOther = new CopyOnWriteArrayList<>();
        BookOfBusiness book = beforeEachPass(enterprise, () -> {
            bothUnderWay.countDown();
            try {
                sawTheOther.add(bothUnderWay.await(20, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
        RecurringPriceCandidates candidates = new RecurringPriceCandidates();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<RecurringPriceCandidates.Found> first = callers.submit(() -> candidates.of(book, carriers));
            Future<RecurringPriceCandidates.Found> second = callers.submit(() -> candidates.of(book, carriers));
            for (String carrier : carriers) {
                assertEquals(first.get(30, TimeUnit.SECONDS).get(carrier), second.get(30, TimeUnit.SECONDS).get(carrier));
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(List.of(true, true), sawTheOther, "one pass per carrier, both under way at once");
        RecurringPriceCandidates alone = new RecurringPriceCandidates();
        for (String carrier : carriers) {
            assertEquals(alone.of(enterprise, List.of(carrier)).get(carrier), candidates.of(book, List.of(carrier)).get(carrier));
        }
    }

    @Test
    void anotherBookReadsAgainAndAFailedPassIsTriedAgainByTheNextCaller() {
        InMemoryBook enterprise = InMemoryBook.of(AdversarialEnterprise.generate(7, 16));
        String carrier = enterprise.contracts.get(0).carrier();
        RecurringPriceCandidates candidates = new RecurringPriceCandidates();
        AtomicInteger passes = new AtomicInteger();
        BookOfBusiness failing = counting(enterprise, passes, true);
        assertThrows(IllegalStateException.class, () -> candidates.of(failing, List.of(carrier)).get(carrier));
        RecurringPriceCandidates.Candidates found = candidates.of(failing, List.of(carrier)).get(carrier);
        assertEquals(found, candidates.of(failing, List.of(carrier)).get(carrier));
        assertEquals(2, passes.get(), "tried again once, then kept");
        candidates.of(counting(enterprise, passes, false), List.of(carrier)).get(carrier);
        assertEquals(3, passes.get(), "another book (another audit) reads again");
    }

    @Test
    void aBookWithoutRecordsOfTheCarrierIsNotRead() {
        AtomicInteger passes = new AtomicInteger();
        RecurringPriceCandidates.Candidates found = new RecurringPriceCandidates().of(counting(new InMemoryBook(), passes, false), List.of("Acme")).get("Acme");
        assertEquals(new RecurringPriceCandidates.Candidates(Set.of(), Set.of()), found);
        assertEquals(0, passes.get());
    }

}
