package org.bridgeline.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SharedPassesTest {

    private final AtomicInteger passes = new AtomicInteger();

    /** A pass over the store, counted, that reads the rows given. */
    private Consumer<Consumer<String>> source(String... rows) {
        return consumer -> {
            passes.incrementAndGet();
            for (String row : rows) {
                consumer.accept(row);
            }
        };
    }

    private static List<String> read(SharedPasses shared, Object query, Consumer<Consumer<String>> source) {
        List<String> rows = new ArrayList<>();
        shared.read(query, source, rows::add);
        return rows;
    }

    @Test
    void theSecondReaderOfAQueryGetsTheFirstsRowsThenTheThirdReadsAgain() {
        SharedPasses shared = new SharedPasses(1 << 20);
        assertEquals(List.of("a", "b"), read(shared, "q", source("a", "b")));
        assertEquals(List.of("a", "b"), read(shared, "q", source("changed")), "the kept pass, not a new one");
        assertEquals(1, passes.get());
        assertEquals(0, shared.kept(), "let go once handed on");
        assertEquals(List.of("c"), read(shared, "q", source("c")));
        assertEquals(2, passes.get());
    }

    @Test
    void anotherQueryIsAPassOfItsOwn() {
        SharedPasses shared = new SharedPasses(1 << 20);
        read(shared, "q", source("a"));
        assertEquals(List.of("x"), read(shared, "other", source("x")));
        assertEquals(2, passes.get());
    }

    @Test
    void aQueryPastTheBudgetIsNotKeptAgainWhileOthersAre() {
        SharedPasses shared = new SharedPasses(100);
        String wide = "x".repeat(40);
        assertEquals(List.of(wide, wide), read(shared, "q", source(wide, wide)));
        assertEquals(0, shared.kept());
        assertEquals(List.of(wide, wide), read(shared, "q", source(wide, wide)));
        assertEquals(0, shared.kept(), "its next reader does not keep it in vain");
        assertEquals(2, passes.get());
        assertEquals(List.of("a"), read(shared, "small", source("a")));
        assertEquals(49, shared.kept());
        assertEquals(List.of("a"), read(shared, "small", source("b")));
        assertEquals(3, passes.get());
    }

    @Test
    void aFailedPassKeepsNothing() {
        SharedPasses shared = new SharedPasses(1 << 20);
        assertThrows(IllegalStateException.class, () -> read(shared, "q", consumer -> {
            consumer.accept("a");
            throw new IllegalStateException("the store went away");
        }));
        assertEquals(0, shared.kept());
        assertEquals(List.of("b"), read(shared, "q", source("b")));
    }

    @Test
    void aReaderArrivingDuringThePassReadsForItselfAndTheNextGetsTheKeptPass() throws Exception {
        SharedPasses shared = new SharedPasses(1 << 20);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        List<String> firstRows = new ArrayList<>();
        Thread first = new Thread(() -> shared.read("q", consumer -> {
            consumer.accept("a");
            reading.countDown();
            try {
                mayFinish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            consumer.accept("b");
        }, firstRows::add));
        first.start();
        reading.await();
        assertEquals(List.of("own"), read(shared, "q", source("own")), "not kept waiting for the running pass");
        mayFinish.countDown();
        first.join();
        assertEquals(List.of("a", "b"), firstRows);
        assertEquals(List.of("a", "b"), read(shared, "q", source("never read")));
        assertEquals(1, passes.get(), "only the reader during the pass read for itself");
    }
}
