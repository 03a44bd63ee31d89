package org.bridgeline.negotiation.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bridgeline.api.detect.BenchmarkMatch;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.detect.InvoiceTotal;
import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.detect.UsageMatch;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Finding;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Requirement;
import org.bridgeline.api.model.ServiceType;
import org.bridgeline.negotiation.internal.NegotiationPackage.ActionRow;
import org.bridgeline.negotiation.internal.NegotiationPackage.RequirementRow;
import org.bridgeline.negotiation.internal.NegotiationPackage.ServiceRow;
import org.bridgeline.negotiation.internal.NegotiationPackage.SpendRow;
import org.bridgeline.negotiation.internal.NegotiationPackage.Terms;
import org.bridgeline.negotiation.internal.NegotiationPackage.Totals;
import org.bridgeline.store.StoredFinding;

/** Assembles one carrier's package from its book of business and the findings of an audit run. */
final class PackageBuilder {

    /** A package that cannot be built; the message is the operator's line. */
    static final class CannotBuild extends Exception {
        private static final long serialVersionUID = 1L;

        CannotBuild(String message) {
            super(message, null, false, false);
        }
    }

    private PackageBuilder() {
    }

    /** A service some carrier bills today, for setting requirements against. */
    record Present(String carrier, String serviceId, ServiceType type, BigDecimal bandwidthMbps, String site, YearMonth lastBilled) {
    }

    /** Every service each carrier billed in its latest month, from the whole book. */
    static List<Present> present(BookOfBusiness wholeBook) {
        List<Present> present = new ArrayList<>();
        for (String carrier : wholeBook.carriers()) {
            List<Present> all = new ArrayList<>();
            YearMonth[] latest = {null};
            wholeBook.serviceHistories(wholeBook.latestMonths(carrier, 2), h -> {
                latest[0] = latest[0] == null || h.latestMonth().isAfter(latest[0]) ? h.latestMonth() : latest[0];
                all.add(new Present(h.carrier(), h.serviceId(), h.serviceType(), h.bandwidthMbps(), h.site(), h.latestMonth()));
            });
            all.stream().filter(p -> p.lastBilled().equals(latest[0])).forEach(present::add);
        }
        return present;
    }

    static NegotiationPackage build(BookOfBusiness book, String carrier, long runId, Instant auditedAt, List<StoredFinding> findings,
            int targetPercentile, Terms terms, List<Present> present, List<NegotiationPackage.Unreconciled> unreconciled) throws CannotBuild {
        // the book of business: the services billed in the carrier's latest month, over its last twelve months;
        // each history becomes a row as it streams in, so the package never holds the histories
        LineQuery lastYear = book.latestMonths(carrier, 12);
        List<InvoiceTotal> invoices = new ArrayList<>();
        book.invoiceTotals(lastYear, invoices::add);
        TreeSet<Currency> currencies = new TreeSet<>(Comparator.comparing(Currency::getCurrencyCode));
        invoices.forEach(total -> currencies.add(total.total().currency()));
        if (currencies.isEmpty()) {
            throw new CannotBuild("no bills of " + carrier + " in the book of business: import them first");
        }
        if (currencies.size() > 1) {
            throw new CannotBuild(carrier + " bills in " + currencies.size() + " currencies " + currencies.stream()
                    .map(Currency::getCurrencyCode).toList() + ": a package is written in one currency");
        }
        Currency currency = currencies.first();
        Money zero = Money.zero(currency);
        List<ServiceRow> all = new ArrayList<>();
        book.serviceHistories(lastYear, history -> {
            if (history.currency().equals(currency)) {
                YearMonth last = history.latestMonth();
                YearMonth first = history.months().values().stream().map(SortedMap::firstKey).min(YearMonth::compareTo).orElseThrow();
                all.add(new ServiceRow(history.serviceId(), history.account(), history.serviceType(), history.bandwidthMbps(),
                        history.site(), first, last, history.months(ChargeCategory.RECURRING).getOrDefault(last, zero),
                        history.months(ChargeCategory.USAGE).getOrDefault(last, zero)));
            }
        });
        YearMonth latest = all.stream().map(ServiceRow::lastBilled).max(YearMonth::compareTo)
                .orElseGet(() -> invoices.stream().map(t -> YearMonth.from(t.billingPeriod() != null ? t.billingPeriod().start()
                        : t.invoiceDate())).max(YearMonth::compareTo).orElseThrow());
        List<ServiceRow> services = new ArrayList<>(all.stream().filter(row -> row.lastBilled().equals(latest)).toList());
        all.clear();
        services.sort(Comparator.comparing(ServiceRow::serviceId));
        Map<String, List<ServiceRow>> bySite = new TreeMap<>();
        Map<String, List<ServiceRow>> byType = new TreeMap<>();
        for (ServiceRow service : services) {
            bySite.computeIfAbsent(service.site() == null ? "(no site)" : service.site(), k -> new ArrayList<>()).add(service);
            byType.computeIfAbsent(service.type().name(), k -> new ArrayList<>()).add(service);
        }
        YearMonth from = invoices.stream().map(t -> YearMonth.from(t.billingPeriod() != null ? t.billingPeriod().start() : t.invoiceDate()))
                .min(YearMonth::compareTo).orElseThrow();
        Money billedSpend = invoices.stream().map(InvoiceTotal::total).reduce(zero, Money::plus);
        int monthsBilled = (int) from.until(latest, java.time.temporal.ChronoUnit.MONTHS) + 1;
        // a year's spend from the months there are, said as such: one month of bills is not a year of them
        Money annualSpend = new Money(billedSpend.amount().multiply(BigDecimal.valueOf(12)).divide(BigDecimal.valueOf(monthsBilled),
                Math.max(0, currency.getDefaultFractionDigits()), java.math.RoundingMode.HALF_EVEN), currency);
        Money monthlySpend = invoices.stream().filter(t -> YearMonth.from(t.billingPeriod() != null ? t.billingPeriod().start()
                : t.invoiceDate()).equals(latest)).map(InvoiceTotal::total).reduce(zero, Money::plus);

        // what is wrong: the run's findings for this carrier, by what to ask for
        List<ActionRow> credits = new ArrayList<>();
        List<ActionRow> disconnects = new ArrayList<>();
        List<ActionRow> corrections = new ArrayList<>();
        List<ActionRow> renegotiations = new ArrayList<>();
        for (StoredFinding stored : findings) {
            Finding finding = stored.finding();
            if (!finding.carrier().equals(carrier) || !finding.monthlyImpact().currency().equals(currency)) {
                continue;
            }
            ActionRow row = new ActionRow(stored.findingId(), finding.detectorId(), finding.kind(), finding.serviceId(),
                    finding.monthlyImpact(), finding.annualImpact(), finding.recoverable(), finding.explanation(),
                    finding.evidence().stream().map(ChargeLine::source).map(Object::toString).toList());
            switch (finding.action()) {
                case DISPUTE_FOR_CREDIT -> credits.add(row);
                case DISCONNECT -> disconnects.add(row);
                case CORRECT_INVENTORY -> corrections.add(row);
                default -> renegotiations.add(row);
            }
        }
        // what it should cost: every current service against its best benchmark
        List<BenchmarkMatch> benchmarks = book.benchmarkMatches(carrier, targetPercentile).stream()
                .filter(match -> match.monthlyPrice().currency().equals(currency))
                .sorted(Comparator.comparing(BenchmarkMatch::serviceId)).toList();
        List<UsageMatch> usage = book.usageMatches(carrier).stream().filter(match -> match.usage().total().currency().equals(currency))
                .toList();
        Money savings = benchmarks.stream().filter(match -> match.annualOverpay() != null).map(BenchmarkMatch::annualOverpay)
                .reduce(zero, Money::plus);
        savings = usage.stream().filter(match -> match.annualOverpay() != null).map(UsageMatch::annualOverpay).reduce(savings, Money::plus);
        Totals totals = new Totals(monthlySpend, billedSpend, monthsBilled, annualSpend, credits.stream().map(ActionRow::credit).reduce(zero, Money::plus), savings,
                disconnects.stream().map(ActionRow::annual).reduce(zero, Money::plus));
        // what IT needs next: each requirement this carrier serves today or nobody does, and its services nobody needs any more
        List<Requirement> requirements = book.requirements();
        List<RequirementRow> asked = new ArrayList<>();
        for (Requirement requirement : requirements) {
            List<Present> there = present.stream().filter(p -> requirement.site().equals(p.site()) && p.type() == requirement.serviceType())
                    .toList();
            Present mine = there.stream().filter(p -> p.carrier().equals(carrier)).findFirst().orElse(null);
            if (mine == null && there.isEmpty()) {
                asked.add(new RequirementRow(requirement, "NEW", null, null));
            } else if (mine != null) {
                boolean more = requirement.bandwidthMbps() != null && (mine.bandwidthMbps() == null
                        || requirement.bandwidthMbps().compareTo(mine.bandwidthMbps()) > 0);
                asked.add(new RequirementRow(requirement, more ? "UPGRADE" : "MET", mine.serviceId(), mine.bandwidthMbps()));
            }
        }
        Set<String> plannedSites = requirements.stream().map(Requirement::site).collect(Collectors.toSet());
        List<ServiceRow> notNeeded = services.stream().filter(s -> s.site() != null && plannedSites.contains(s.site())
                && requirements.stream().noneMatch(r -> r.site().equals(s.site()) && r.serviceType() == s.type())).toList();
        return new NegotiationPackage(carrier, currency, from, latest, runId, auditedAt, targetPercentile, services, spend(bySite, zero),
                spend(byType, zero), credits, disconnects, corrections, renegotiations, benchmarks, usage, asked, notNeeded, terms, totals,
                unreconciled.stream().filter(invoice -> invoice.stated().currency().equals(currency)).toList());
    }

    private static List<SpendRow> spend(Map<String, List<ServiceRow>> groups, Money zero) {
        List<SpendRow> rows = new ArrayList<>();
        groups.forEach((name, services) -> rows.add(new SpendRow(name, services.size(),
                services.stream().map(s -> s.monthlyRecurring().plus(s.monthlyUsage())).reduce(zero, Money::plus))));
        rows.sort(Comparator.comparing(SpendRow::monthlySpend).reversed().thenComparing(SpendRow::name));
        return rows;
    }
}
