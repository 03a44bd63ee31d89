package org.bridgeline.core.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The one thread that talks to the store during an import, so parsing the next lines overlaps
 * with storing the last ones. Its queue is short: when the store falls behind, the parser waits,
 * and memory stays flat whatever the file's size. Tasks run in the order given.
 */
final class StoreWorker {

    private static final Runnable STOP = () -> { };

    private final BlockingQueue<Runnable> tasks = new ArrayBlockingQueue<>(8);
    private final Thread thread;
    private volatile RuntimeException failure;

    StoreWorker(String name) {
        thread = new Thread(this::work, "bridgeline-import-store " + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void work() {
        while (true) {
            Runnable task;
            try {
                task = tasks.take();
            } catch (InterruptedException e) {
                return;
            }
            if (task == STOP) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
    }

    /** Queues a task; waits while the queue is full. */
    void submit(Runnable task) {
        try {
            tasks.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        }
    }

    /** Runs every queued task, then stops; rethrows what a task threw unexpectedly. */
    void finish() {
        submit(STOP);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        }
        if (failure != null) {
            throw failure;
        }
    }
}
