package org.bridgeline.detect.inventory.internal;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.Contract;
import org.osgi.service.component.annotations.Component;

/**
 * The services of a carrier whose recurring prices the inventory detectors read line by line: those billed above some
 * rate of the carrier's contracts (rate-above-contract, out-of-term pricing) and those billed a code their records may
 * not have requested (unrequested features). Found once per book (an audit's detectors share one), from one pass over
 * the carrier's billed prices, however many detectors ask: each would otherwise make the same pass of its own.
 */
@Component(service = RecurringPriceCandidates.class)
public final class RecurringPriceCandidates {

    /** A carrier's services worth reading, by question. */
    record Candidates(Set<String> aboveContract, Set<String> unrequested) {
    }

    /** What a book's records say, read once per book (guarded by the instance), and each carrier's candidates. */
    private static final class PerBook {
        Map<String, ContractPrices> contracts;
        Map<String, RequestedFeatures> requested;
        final Map<String, CompletableFuture<Candidates>> carriers = new ConcurrentHashMap<>();
    }

    // a book serves one operation: its entry goes when the book does
    private final Map<BookOfBusiness, PerBook> byBook = Collections.synchronizedMap(new WeakHashMap<>());

    private PerBook perBook(BookOfBusiness book) {
        return byBook.computeIfAbsent(book, k -> new PerBook());
    }

    /** Each carrier's requested features, as the book's records state them; read once per book. */
    Map<String, RequestedFeatures> requested(BookOfBusiness book) {
        PerBook known = perBook(book);
        synchronized (known) {
            if (known.requested == null) {
                known.requested = RequestedFeatures.byCarrier(book);
            }
            return known.requested;
        }
    }

    private Map<String, ContractPrices> contracts(BookOfBusiness book) {
        PerBook known = perBook(book);
        synchronized (known) {
            if (known.contracts == null) {
                Map<String, List<Contract>> byCarrier = book.contracts(null).stream().collect(Collectors.groupingBy(Contract::carrier));
                known.contracts = byCarrier.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, carrier -> new ContractPrices(carrier.getValue())));
            }
            return known.contracts;
        }
    }

    /** Carriers' candidates, some perhaps still being found by another caller: each is waited for when asked. */
    static final class Found {
        private final Map<String, CompletableFuture<Candidates>> byCarrier;

        private Found(Map<String, CompletableFuture<Candidates>> byCarrier) {
            this.byCarrier = byCarrier;
        }

        /** The carrier's candidates, once found; a carrier not asked for is refused. */
        Candidates get(String carrier) {
            CompletableFuture<Candidates> found = byCarrier.get(carrier);
            if (found == null) {
                throw new IllegalArgumentException("candidates of " + carrier + " were not asked for");
            }
            return join(found);
        }
    }

    /**
     * The carriers' candidates. The carriers no caller has begun are found first, one at a time, and the others' are waited
     * for only when asked: detectors that ask at once (an audit runs them side by side) share the carriers' passes between
     * them, and each reads the lines of the carriers it has while another's pass is still under way.
     */
    Found of(BookOfBusiness book, Collection<String> carriers) {
        PerBook known = perBook(book);
        Map<String, CompletableFuture<Candidates>> found = new LinkedHashMap<>();
        for (String carrier : carriers) {
            CompletableFuture<Candidates> mine = new CompletableFuture<>();
            CompletableFuture<Candidates> theirs = known.carriers.putIfAbsent(carrier, mine);
            if (theirs == null) {
                find(book, known, carrier, mine);
            }
            found.put(carrier, theirs == null ? mine : theirs);
        }
        return new Found(found);
    }

    private void find(BookOfBusiness book, PerBook known, String carrier, CompletableFuture<Candidates> mine) {
        try {
            ContractPrices contracts = contracts(book).get(carrier);
            RequestedFeatures requested = requested(book).get(carrier);
            Set<String> aboveContract = new TreeSet<>();
            Set<String> unrequested = new TreeSet<>();
            if (contracts != null || requested != null) {
                book.billedPrices(new LineQuery(carrier, null, null, null, ChargeCategory.RECURRING), price -> {
                    if (contracts != null && contracts.mayExceed(price)) {
                        aboveContract.add(price.serviceId());
                    }
                    if (requested != null && !unrequested.contains(price.serviceId()) && requested.mayBeUnrequested(price)) {
                        unrequested.add(price.serviceId());
                    }
                });
            }
            mine.complete(new Candidates(Collections.unmodifiableSet(aboveContract), Collections.unmodifiableSet(unrequested)));
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            known.carriers.remove(carrier, mine);
            throw e;
        }
    }

    private static Candidates join(CompletableFuture<Candidates> candidates) {
        try {
            return candidates.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the recurring price candidates", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
