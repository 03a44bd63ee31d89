package org.bridgeline.detect.billing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bridgeline.api.detect.ServiceMonth;

/**
 * Gathers streamed service months, which arrive in carrier, account and service order, into one
 * service's months at a time and hands each service on when its rows end. Call {@link #finish()}
 * after the stream for the last service.
 */
final class ByService implements Consumer<ServiceMonth> {

    private final Consumer<List<ServiceMonth>> service;
    private final List<ServiceMonth> months = new ArrayList<>();

    ByService(Consumer<List<ServiceMonth>> service) {
        this.service = service;
    }

    @Override
    public void accept(ServiceMonth month) {
        if (!months.isEmpty() && !sameService(months.get(0), month)) {
            finish();
        }
        months.add(month);
    }

    /** Hands on the last service. */
    void finish() {
        if (!months.isEmpty()) {
            service.accept(List.copyOf(months));
            months.clear();
        }
    }

    private static boolean sameService(ServiceMonth a, ServiceMonth b) {
        return a.carrier().equals(b.carrier()) && a.account().equals(b.account()) && a.serviceId().equals(b.serviceId());
    }
}
