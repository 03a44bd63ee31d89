package org.bridgeline.detect.inventory.internal;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ChargeCategory;
import org.osgi.service.component.annotations.Component;

/**
 * The services of a carrier billed a recurring price above some rate of its contracts: what the
 * rate-above-contract and out-of-term detectors read lines of. Found once per book (an audit's
 * detectors share one), from one pass over the store's billed prices, however many detectors ask.
 */
@Component(service = ContractCandidates.class)
public final class ContractCandidates {

    // a book serves one operation: its entry goes when the book does
    private final Map<BookOfBusiness, Map<String, CompletableFuture<Set<String>>>> byBook = Collections.synchronizedMap(new WeakHashMap<>());

    /** The carrier's candidates; a second caller waits for the first one's pass instead of making its own. */
    Set<String> of(BookOfBusiness book, String carrier, ContractPrices contracts) {
        CompletableFuture<Set<String>> mine = new CompletableFuture<>();
        CompletableFuture<Set<String>> known = byBook.computeIfAbsent(book, k -> new ConcurrentHashMap<>()).putIfAbsent(carrier, mine);
        if (known != null) {
            return join(known);
        }
        try {
            Set<String> candidates = new TreeSet<>();
            book.billedPrices(new LineQuery(carrier, null, null, null, ChargeCategory.RECURRING), price -> {
                if (contracts.mayExceed(price)) {
                    candidates.add(price.serviceId());
                }
            });
            mine.complete(Collections.unmodifiableSet(candidates));
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            byBook.getOrDefault(book, Map.of()).remove(carrier, mine);
            throw e;
        }
        return join(mine);
    }

    private static Set<String> join(CompletableFuture<Set<String>> candidates) {
        try {
            return candidates.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the contract candidates", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
