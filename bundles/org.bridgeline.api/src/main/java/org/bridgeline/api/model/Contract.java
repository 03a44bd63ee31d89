package org.bridgeline.api.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A carrier contract as agreements are written: a master agreement with its term, commitment, rates
 * and SLA, a service schedule giving services their own terms (and rates), and what happens to a
 * service's price once its own term has ended.
 *
 * @param carrier             the carrier
 * @param contractId          the contract's own id
 * @param term                first and last day of the initial term
 * @param autoRenewal         whether the contract renews itself at the end of the term
 * @param renewalTermMonths   length of each renewal, when it renews; 0 otherwise
 * @param committedSpend      the annual spend the enterprise committed to, or {@code null}
 * @param rates               contracted rates
 * @param sla                 SLA terms
 * @param lateFeesWaived      whether the agreement waives late fees
 * @param postTerm            what a service costs after its own term ends
 * @param services            the service schedule; a service it does not list has the agreement's term
 */
public record Contract(
        String carrier,
        String contractId,
        Period term,
        boolean autoRenewal,
        int renewalTermMonths,
        Money committedSpend,
        List<ContractRate> rates,
        SlaTerms sla,
        boolean lateFeesWaived,
        PostTermRule postTerm,
        List<ContractService> services) {

    public Contract {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(term, "term");
        rates = List.copyOf(rates);
        sla = sla == null ? SlaTerms.NONE : sla;
        postTerm = postTerm == null ? PostTermRule.MONTH_TO_MONTH : postTerm;
        services = services == null ? List.of() : List.copyOf(services);
    }

    /** A contract without a service schedule, waiver or post-term rule: the form of model 1.1. */
    public Contract(String carrier, String contractId, Period term, boolean autoRenewal, int renewalTermMonths, Money committedSpend,
            List<ContractRate> rates, SlaTerms sla) {
        this(carrier, contractId, term, autoRenewal, renewalTermMonths, committedSpend, rates, sla, false, PostTermRule.MONTH_TO_MONTH,
                List.of());
    }

    /** The schedule entry of a service: the one naming its id, else the first describing its type and site. */
    public Optional<ContractService> scheduled(String serviceId, ServiceType type, String site) {
        Optional<ContractService> named = services.stream().filter(entry -> entry.names(serviceId)).findFirst();
        return named.isPresent() ? named : services.stream().filter(entry -> entry.describes(type, site)).findFirst();
    }

    /**
     * What the contract says a recurring charge of a service costs on a day: the rate (the schedule's for the service,
     * else the agreement's), the service's own term, and the most allowed on that day (after the term, by
     * {@link #postTerm()}). Empty when no recurring rate prices the charge, the currencies differ, or the day falls
     * before the term starts.
     */
    public Optional<ContractedPrice> priceFor(String serviceId, String site, ServiceType type, String chargeCode, BigDecimal bandwidthMbps,
            LocalDate day) {
        Optional<ContractService> entry = scheduled(serviceId, type, site);
        Period serviceTerm = entry.map(ContractService::term).orElse(term);
        ContractRate rate = entry.flatMap(e -> recurring(e.rates(), type, chargeCode, bandwidthMbps))
                .or(() -> recurring(rates, type, chargeCode, bandwidthMbps)).orElse(null);
        if (rate == null || day.isBefore(serviceTerm.start())) {
            return Optional.empty();
        }
        if (!day.isAfter(serviceTerm.end())) {
            return Optional.of(new ContractedPrice(this, rate, serviceTerm, true, rate.rate()));
        }
        return Optional.of(new ContractedPrice(this, rate, serviceTerm, false, postTerm.allowedAfterTerm(rate, type, chargeCode,
                bandwidthMbps)));
    }

    /** The price of a charge line on the day it is placed at. */
    public Optional<ContractedPrice> priceFor(ChargeLine line) {
        return priceFor(line.serviceId(), line.site(), line.serviceType(), line.chargeCode(), line.bandwidthMbps(), line.chargedOn())
                .filter(price -> price.rate().rate().currency().equals(line.amount().currency()));
    }

    private static Optional<ContractRate> recurring(List<ContractRate> rates, ServiceType type, String chargeCode, BigDecimal bandwidthMbps) {
        return rates.stream().filter(r -> r.category() == ChargeCategory.RECURRING && r.matches(type, chargeCode, bandwidthMbps)).findFirst();
    }
}
