package org.bridgeline.api.detect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.bridgeline.api.model.ChargeLine;

/**
 * Reads the evidence of a detector's candidates: the lines of each candidate's service, read a
 * batch of services at a time, each batch in one pass over its carrier's lines. A detector that
 * judges many candidates against their lines holds one batch of lines, however many it finds.
 *
 * @since 1.4
 */
public final class Evidence {

    /** How many services' lines are read in one pass: a pass per batch, and one batch's lines held. */
    public static final int BATCH_SERVICES = 10_000;

    /**
     * The service whose lines are a candidate's evidence.
     *
     * @param carrier   its carrier
     * @param account   its billing account
     * @param serviceId the service
     */
    public record Service(String carrier, String account, String serviceId) {
        public Service {
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(serviceId, "serviceId");
        }

        static Service of(ChargeLine line) {
            return new Service(line.carrier(), line.account(), line.serviceId());
        }
    }

    private Evidence() {
    }

    /**
     * Hands each candidate, in the order given, to the judge with its service's lines (in invoice
     * then source order): the lines of the candidate's carrier that match {@code linesOf} for it.
     * The candidates are given in full before any line is read, so the reads never run inside
     * another read of the book.
     *
     * @param candidates what to judge, in the order findings are to be emitted
     * @param serviceOf  the service whose lines are a candidate's evidence
     * @param linesOf    which of a carrier's lines to read (its service id {@code null})
     * @param judge      told each candidate with its lines
     */
    public static <C> void read(BookOfBusiness book, List<C> candidates, Function<C, Service> serviceOf, Function<String, LineQuery> linesOf,
            BiConsumer<C, List<ChargeLine>> judge) {
        int from = 0;
        while (from < candidates.size()) {
            String carrier = serviceOf.apply(candidates.get(from)).carrier();
            Set<String> services = new LinkedHashSet<>();
            int to = from;
            // a batch: consecutive candidates of one carrier, up to the batch's number of services
            while (to < candidates.size()) {
                Service service = serviceOf.apply(candidates.get(to));
                if (!service.carrier().equals(carrier) || (services.size() == BATCH_SERVICES && !services.contains(service.serviceId()))) {
                    break;
                }
                services.add(service.serviceId());
                to++;
            }
            Map<Service, List<ChargeLine>> linesOfService = new HashMap<>();
            book.lines(linesOf.apply(carrier), services, line -> linesOfService.computeIfAbsent(Service.of(line), k -> new ArrayList<>()).add(line));
            for (C candidate : candidates.subList(from, to)) {
                judge.accept(candidate, linesOfService.getOrDefault(serviceOf.apply(candidate), List.of()));
            }
            from = to;
        }
    }
}
