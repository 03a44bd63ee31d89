package org.bridgeline.detect.inventory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.bridgeline.api.detect.BookOfBusiness;
import org.junit.jupiter.api.Test;

/** Both contract detectors share one pass over a book's billed prices per carrier; a failed pass is not kept. */
class ContractCandidatesTest {

    private static BookOfBusiness countingBook(AtomicInteger passes, boolean failFirst) {
        return (BookOfBusiness) Proxy.newProxyInstance(ContractCandidatesTest.class.getClassLoader(), new Class<?>[] {BookOfBusiness.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "billedPrices" -> {
                            if (passes.incrementAndGet() == 1 && failFirst) {
                                throw new IllegalStateException("the store is away");
                            }
                            return null;
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                });
    }

    @Test
    void aCarriersCandidatesAreFoundOncePerBook() {
        ContractCandidates candidates = new ContractCandidates();
        ContractPrices none = new ContractPrices(List.of());
        AtomicInteger passes = new AtomicInteger();
        BookOfBusiness book = countingBook(passes, false);
        assertEquals(Set.of(), candidates.of(book, "Acme", none));
        assertEquals(Set.of(), candidates.of(book, "Acme", none));
        assertEquals(1, passes.get(), "the second detector reads what the first found");
        candidates.of(book, "Bluewave", none);
        assertEquals(2, passes.get(), "each carrier has its own pass");
        candidates.of(countingBook(passes, false), "Acme", none);
        assertEquals(3, passes.get(), "another book (another audit) reads again");
    }

    @Test
    void aFailedPassIsTriedAgainByTheNextCaller() {
        ContractCandidates candidates = new ContractCandidates();
        ContractPrices none = new ContractPrices(List.of());
        AtomicInteger passes = new AtomicInteger();
        BookOfBusiness book = countingBook(passes, true);
        assertThrows(IllegalStateException.class, () -> candidates.of(book, "Acme", none));
        assertEquals(Set.of(), candidates.of(book, "Acme", none));
        assertEquals(2, passes.get());
    }
}
