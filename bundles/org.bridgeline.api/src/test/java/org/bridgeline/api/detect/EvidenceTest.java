package org.bridgeline.api.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.SourcePosition;

import org.junit.jupiter.api.Test;

/** Candidates are judged in their order, each with its own service's lines, a bounded batch of services per pass. */
class EvidenceTest {

    private record Candidate(String carrier, String serviceId) {
    }

    private static ChargeLine line(String carrier, String account, String serviceId) {
        return ChargeLine.builder().carrier(carrier).account(account).invoiceNumber("INV-1").invoiceDate(LocalDate.of(2026, 1, 31))
                .serviceId(serviceId).category(ChargeCategory.RECURRING).amount(Money.of("10.00", "USD"))
                .source(SourcePosition.of("bill.csv", 2, 1)).build();
    }

    @Test
    void eachCandidateGetsItsServicesLinesInBatchesOfBoundedSize() {
        List<Integer> passSizes = new ArrayList<>();
        @SuppressWarnings("unchecked")
        BookOfBusiness book = (BookOfBusiness) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BookOfBusiness.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("lines") && args.length == 3) {
                        LineQuery query = (LineQuery) args[0];
                        Collection<String> services = (Collection<String>) args[1];
                        Consumer<ChargeLine> consumer = (Consumer<ChargeLine>) args[2];
                        passSizes.add(services.size());
                        // every named service has one line in account A1; S-7 has a second account
                        services.stream().sorted().forEach(service -> {
                            consumer.accept(line(query.carrier(), "A1", service));
                            if (service.equals("S-7")) {
                                consumer.accept(line(query.carrier(), "A2", service));
                            }
                        });
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        List<Candidate> candidates = new ArrayList<>();
        int services = 2 * Evidence.BATCH_SERVICES + 500;
        for (int i = 0; i < services; i++) {
            candidates.add(new Candidate("Acme", "S-" + i));
        }
        candidates.add(new Candidate("Acme", "S-" + (services - 1))); // a second candidate of the last service: same batch
        candidates.add(new Candidate("Bluewave", "S-7"));
        List<String> judged = new ArrayList<>();
        Evidence.read(book, candidates, c -> new Evidence.Service(c.carrier(), "A1", c.serviceId()), LineQuery::carrier, (candidate, lines) -> {
            assertEquals(1, lines.size(), "only the candidate's own service and account: " + candidate);
            assertEquals(candidate.serviceId(), lines.get(0).serviceId());
            assertEquals(candidate.carrier(), lines.get(0).carrier());
            judged.add(candidate.carrier() + "/" + candidate.serviceId());
        });
        assertEquals(candidates.stream().map(c -> c.carrier() + "/" + c.serviceId()).toList(), judged);
        assertEquals(List.of(Evidence.BATCH_SERVICES, Evidence.BATCH_SERVICES, 500, 1), passSizes);
    }
}
