package org.bridgeline.store.duckdb.internal;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.logging.Logger;

/**
 * Hands the spare Java heap of a runtime gone idle back to the system. Under the serial collector (the runtime's) only a
 * full collection returns heap; it keeps up to {@code MaxHeapFreeRatio} of the heap free (70% by default) and shrinks
 * by steps across collections (none, a tenth, 40%, the rest). So the free ratios are lowered for a moment, four
 * collections run, and the ratios are put back: the heap grows again as the next work needs it, as it did from start.
 */
final class IdleHeap {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.store");
    /** The heap left free after the collections, as a percentage of it: at most, and at least. */
    static final int FREE_AT_MOST = 30;
    static final int FREE_AT_LEAST = 10;
    private static final int COLLECTIONS = 4;
    private static final String MIN = "MinHeapFreeRatio";
    private static final String MAX = "MaxHeapFreeRatio";

    private IdleHeap() {
    }

    static void handBack() {
        HotSpotDiagnosticMXBean vm = null;
        String min = null; // what each ratio was, once it is lowered: put back after the collections
        String max = null;
        try {
            vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            String minBefore = vm.getVMOption(MIN).getValue();
            String maxBefore = vm.getVMOption(MAX).getValue();
            // lowered in this order, and put back in the other, so that the minimum never exceeds the maximum
            vm.setVMOption(MIN, Integer.toString(Math.min(Integer.parseInt(minBefore), FREE_AT_LEAST)));
            min = minBefore;
            vm.setVMOption(MAX, Integer.toString(Math.min(Integer.parseInt(maxBefore), FREE_AT_MOST)));
            max = maxBefore;
        } catch (RuntimeException e) {
            LOG.fine("the heap's free ratios cannot be lowered here (" + e + "): collections alone hand back what they can");
        }
        try {
            for (int i = 0; i < COLLECTIONS; i++) {
                System.gc();
            }
        } finally {
            if (max != null) {
                vm.setVMOption(MAX, max);
            }
            if (min != null) {
                vm.setVMOption(MIN, min);
            }
        }
    }
}
