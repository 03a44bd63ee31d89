package org.bridgeline.store.jdbc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The rows of a book's passes over the store, kept for one more reader of the same query: the
 * detectors that judge a carrier's latest months against the market and against the inventory read
 * the same service histories, and one pass serves both. Rows are kept within a budget per book; a
 * reader that finds no finished pass (none yet, one still running, one past the budget) reads for
 * itself. A kept pass is handed to one more reader, then let go; a query whose rows went past the
 * budget is not kept again.
 */
final class SharedPasses {

    /** What a kept row is taken to cost besides its characters: the string, its array and the list's slot. */
    private static final int ROW_OVERHEAD = 48;

    private final long budget;
    private final Map<Object, Pass> passes = new HashMap<>();
    private long kept;

    /** @param budget the bytes of rows (about) the passes may keep at once */
    SharedPasses(long budget) {
        this.budget = budget;
    }

    private static final class Pass {
        List<String> rows = new ArrayList<>();
        long bytes;
        boolean finished;
    }

    /**
     * Hands the rows of the query to the consumer: those of a finished pass when one is kept, else
     * those the source reads, kept for the next reader when this reader is the first.
     *
     * @param source reads the query's rows into the consumer it is given
     */
    void read(Object query, Consumer<Consumer<String>> source, Consumer<String> consumer) {
        Pass replay = null;
        Pass first = null;
        synchronized (this) {
            Pass pass = passes.get(query);
            if (pass == null) {
                first = new Pass();
                passes.put(query, first);
            } else if (pass.finished && pass.rows != null) {
                replay = passes.remove(query);
                kept -= replay.bytes;
            }
        }
        if (replay != null) {
            replay.rows.forEach(consumer);
            return;
        }
        if (first == null) {
            source.accept(consumer);
            return;
        }
        Pass pass = first;
        boolean read = false;
        try {
            source.accept(row -> {
                keep(pass, row);
                consumer.accept(row);
            });
            read = true;
        } finally {
            synchronized (this) {
                if (read) {
                    // past the budget the query stays marked, so that its next reader does not keep it in vain
                    pass.finished = true;
                } else {
                    passes.remove(query);
                    kept -= pass.bytes;
                }
            }
        }
    }

    private synchronized void keep(Pass pass, String row) {
        if (pass.rows == null) {
            return;
        }
        long bytes = ROW_OVERHEAD + row.length();
        if (kept + bytes > budget) {
            // past the budget the pass keeps nothing: the next reader reads for itself
            kept -= pass.bytes;
            pass.rows = null;
            pass.bytes = 0;
            return;
        }
        pass.rows.add(row);
        pass.bytes += bytes;
        kept += bytes;
    }

    /** The bytes of rows kept now, about. */
    synchronized long kept() {
        return kept;
    }
}
