package org.bridgeline.detect.billing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bridgeline.api.benchmark.BenchmarkQuery;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.DuplicateGroup;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.detect.ServiceMonth;
import org.bridgeline.api.model.Benchmark;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.InvoiceHeader;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Period;
import org.bridgeline.api.model.Requirement;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.api.model.SourcePosition;

/** A book of business in memory for detector tests; its views are computed the simple way, as the store does in SQL. */
final class FakeBook implements BookOfBusiness {

    final List<ChargeLine> lines = new ArrayList<>();

    ChargeLine add(String service, ChargeCategory category, String code, String description, String amount, YearMonth month,
            String invoice) {
        LocalDate date = month.atEndOfMonth();
        ChargeLine line = ChargeLine.builder().carrier("Acme").account("A1").invoiceNumber(invoice).invoiceDate(date)
                .billingPeriod(Period.of(month.atDay(1), date)).serviceId(service).serviceType(ServiceType.DIA).category(category)
                .chargeCode(code).description(description).amount(Money.of(amount, "USD"))
                .source(SourcePosition.of(invoice + ".csv", lines.size() + 2, lines.size() + 2)).build();
        lines.add(line);
        return line;
    }

    @Override
    public List<String> carriers() {
        return List.of("Acme");
    }

    @Override
    public List<InvoiceHeader> invoices(LineQuery query) {
        return List.of();
    }

    @Override
    public void lines(LineQuery query, Consumer<ChargeLine> consumer) {
        lines.stream().filter(line -> query.category() == null || line.category() == query.category())
                .filter(line -> query.serviceId() == null || query.serviceId().equals(line.serviceId())).forEach(consumer);
    }

    @Override
    public List<ServiceMonth> serviceMonths(LineQuery query) {
        Map<String, ServiceMonth> months = new LinkedHashMap<>();
        for (ChargeLine line : lines) {
            YearMonth month = YearMonth.from(line.billingPeriod().start());
            String key = line.serviceId() + month + line.category();
            ServiceMonth sum = months.get(key);
            months.put(key, new ServiceMonth(line.carrier(), line.account(), line.serviceId(), month, line.category(),
                    sum == null ? line.amount() : sum.total().plus(line.amount()), sum == null ? 1 : sum.lines() + 1));
        }
        return new ArrayList<>(months.values());
    }

    @Override
    public List<DuplicateGroup> duplicateCandidates(LineQuery query) {
        Map<String, List<ChargeLine>> groups = new LinkedHashMap<>();
        for (ChargeLine line : lines) {
            if (line.category() == ChargeCategory.RECURRING || line.category() == ChargeCategory.ONE_TIME) {
                groups.computeIfAbsent(line.serviceId() + line.chargeCode() + line.billingPeriod()
                        + line.amount().amount().stripTrailingZeros(), k -> new ArrayList<>()).add(line);
            }
        }
        return groups.values().stream().filter(group -> group.size() > 1).map(DuplicateGroup::new).toList();
    }

    @Override
    public List<Contract> contracts(String carrier) {
        return List.of();
    }

    @Override
    public List<org.bridgeline.api.model.ExpectedService> expectedInventory() {
        return List.of();
    }

    @Override
    public List<org.bridgeline.api.model.ServiceOrder> orders(String carrier) {
        return List.of();
    }

    @Override
    public List<Requirement> requirements() {
        return List.of();
    }

    @Override
    public List<Benchmark> benchmarks(BenchmarkQuery query) {
        return List.of();
    }

    static BigDecimal decimal(String value) {
        return new BigDecimal(value);
    }
}
