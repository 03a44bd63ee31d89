package org.bridgeline.detect.benchmark.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.model.BandwidthBand;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.api.model.SourcePosition;
import org.bridgeline.tenancy.Role;
import org.bridgeline.dashboard.ViewRequest;
import org.bridgeline.testkit.InMemoryBook;
import org.junit.jupiter.api.Test;

class MarketPositionViewTest {

    private final InMemoryBook data = new InMemoryBook();
    private int matched;
    /** The book the view reads: the data, counting how often its services are set against the market. */
    private final BookOfBusiness book = (BookOfBusiness) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {BookOfBusiness.class}, (proxy, method, arguments) -> {
                if (method.getName().equals("benchmarkMatches")) {
                    matched++;
                }
                try {
                    return method.invoke(data, arguments);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
    private String revision = "r1";
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final MarketPositionView view = new MarketPositionView(25, new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    private ViewRequest request(String tenant) {
        return new ViewRequest() {
            public String tenant() {
                return tenant;
            }

            public Role role() {
                return Role.VIEWER;
            }

            public String method() {
                return "GET";
            }

            public List<String> segments() {
                return List.of();
            }

            public Optional<String> parameter(String name) {
                return Optional.empty();
            }

            public String csrfToken() {
                return "";
            }

            public BookOfBusiness book() {
                return book;
            }

            public String bookRevision() {
                return revision;
            }

            public List<UploadedFile> files() {
                return List.of();
            }
        };
    }

    MarketPositionViewTest() {
        YearMonth month = YearMonth.of(2025, 12);
        data.add(ChargeLine.builder().carrier("Acme").account("A1").invoiceNumber("INV-1").invoiceDate(month.atEndOfMonth())
                .billingPeriod(Period.of(month.atDay(1), month.atEndOfMonth())).serviceId("CKT-1").serviceType(ServiceType.DIA)
                .bandwidthMbps(new BigDecimal("100")).category(ChargeCategory.RECURRING).chargeCode("DIA100")
                .quantity(BigDecimal.ONE).unitPrice(Money.of("650", "USD")).amount(Money.of("650", "USD"))
                .source(SourcePosition.of("bill.edi", 1, 1)).build());
        data.benchmarkTable.add(new Benchmark(ServiceType.DIA, new BandwidthBand(new BigDecimal("50"), new BigDecimal("200")), "*", 0,
                Money.of("500", "USD"), Money.of("560", "USD"), Money.of("650", "USD"), null, 120, "benchmark-table",
                "Illustrative DIA survey", LocalDate.of(2025, 9, 30)));
    }

    @Test
    void theMatchesAreKeptWhileTheBookStaysTheSameAndDerivedAgainWhenItChanges() throws Exception {
        String first = view.render(request("acme"));
        assertTrue(first.contains("CKT-1") && first.contains("1 above the p25 target"), first);
        view.render(request("acme"));
        assertEquals(1, matched, "the same revision: kept");

        view.render(request("bravo"));
        assertEquals(2, matched, "kept per tenant");

        revision = "r2";
        view.render(request("acme"));
        assertEquals(3, matched, "a new revision of the book: derived again");

        now = now.plus(Duration.ofMinutes(11));
        view.render(request("acme"));
        assertEquals(4, matched, "kept ten minutes at most");
        view.render(request("acme"));
        assertEquals(4, matched);
    }
}
