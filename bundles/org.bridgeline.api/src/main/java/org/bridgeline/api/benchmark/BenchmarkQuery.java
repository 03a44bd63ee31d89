package org.bridgeline.api.benchmark;

import java.math.BigDecimal;
import java.util.Objects;
import org.bridgeline.api.model.ServiceType;

/**
 * A description of a service to price.
 *
 * @param serviceType   the kind of service
 * @param bandwidthMbps its bandwidth, or {@code null} when not applicable
 * @param region        where it is (state, country or market), or {@code null} when unknown
 * @param termMonths    the contract term to price for; 0 for month-to-month
 * @param destination   for usage: the dialled destination (E.164 digits) to price per unit, or
 *                      {@code null}
 */
public record BenchmarkQuery(
        ServiceType serviceType,
        BigDecimal bandwidthMbps,
        String region,
        int termMonths,
        String destination) {

    public BenchmarkQuery {
        Objects.requireNonNull(serviceType, "serviceType");
    }
}
