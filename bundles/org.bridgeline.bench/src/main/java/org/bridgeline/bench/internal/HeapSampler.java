package org.bridgeline.bench.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * Samples the heap while a measured run goes: the highest heap in use, and the highest live
 * heap after a collection (what the run keeps; flat when it streams).
 */
final class HeapSampler implements AutoCloseable {

    private final Thread thread;
    private volatile boolean running = true;
    private long peakUsed;
    private long peakLiveAfterGc;

    HeapSampler() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        thread = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private synchronized void sample() {
        peakUsed = Math.max(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (afterGc != null) {
                live += afterGc.getUsed();
            }
        }
        peakLiveAfterGc = Math.max(peakLiveAfterGc, live);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
        sample();
    }

    synchronized long peakUsedMiB() {
        return peakUsed >> 20;
    }

    synchronized long peakLiveAfterGcMiB() {
        return peakLiveAfterGc >> 20;
    }
}
