package org.bridgeline.store.duckdb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdleHeapTest {

    private final HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    @Test
    void aHeapGrownByWorkIsHandedBackAndTheFreeRatiosArePutBack() {
        String min = vm.getVMOption("MinHeapFreeRatio").getValue();
        String max = vm.getVMOption("MaxHeapFreeRatio").getValue();
        byte[][] kept = new byte[48][1 << 20]; // what an idle runtime still holds
        long before = memory.getHeapMemoryUsage().getCommitted();
        grow(before + (256L << 20));
        long grown = memory.getHeapMemoryUsage().getCommitted();

        IdleHeap.handBack();

        long after = memory.getHeapMemoryUsage().getCommitted();
        long used = memory.getHeapMemoryUsage().getUsed();
        String figures = "committed heap " + (grown >> 20) + " MiB after the work, " + (after >> 20) + " MiB after the hand-back, "
                + (used >> 20) + " MiB in use";
        assertTrue(after < grown - (64L << 20), figures);
        // at most 30% of the old generation free, and a young one of half its size: about 2.1 times what is in use (the
        // collector's own 70% would leave about 5 times)
        assertTrue(after < 3 * used + (8L << 20), figures);
        assertEquals(48, kept.length);
        assertEquals(min, vm.getVMOption("MinHeapFreeRatio").getValue());
        assertEquals(max, vm.getVMOption("MaxHeapFreeRatio").getValue());
    }

    /** Holds live arrays until the committed heap reaches the size, then lets them go. */
    private void grow(long committed) {
        List<byte[]> held = new ArrayList<>();
        while (memory.getHeapMemoryUsage().getCommitted() < committed && held.size() < 4096) {
            held.add(new byte[1 << 20]);
        }
        assertTrue(memory.getHeapMemoryUsage().getCommitted() >= committed, "the heap grew for the test");
        held.clear();
    }
}
