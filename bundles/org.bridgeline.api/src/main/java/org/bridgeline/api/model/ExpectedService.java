package org.bridgeline.api.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A service the enterprise believes it has: its own inventory record, set against what is billed.
 *
 * @param carrier         the carrier
 * @param serviceId       circuit id, telephone number or line id, as the carrier bills it
 * @param site            where it is
 * @param serviceType     the kind of service
 * @param bandwidthMbps   its bandwidth, or {@code null}
 * @param status          ACTIVE, PENDING or DISCONNECTED as the enterprise records it
 * @param features        the recurring charge codes the service is expected to carry (its plan or port code and each
 *                        feature); empty when the inventory does not say
 * @param expectedMonthly what the enterprise expects it to cost a month, or {@code null}
 * @param installed       the day it was installed, or {@code null}
 * @param termMonths      its term in months, or 0 when unknown
 * @param disconnected    the day it was disconnected, or {@code null}
 */
public record ExpectedService(String carrier, String serviceId, String site, ServiceType serviceType, BigDecimal bandwidthMbps,
        String status, List<String> features, Money expectedMonthly, LocalDate installed, int termMonths, LocalDate disconnected) {

    public ExpectedService {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(serviceId, "serviceId");
        serviceType = serviceType == null ? ServiceType.OTHER : serviceType;
        status = status == null ? (disconnected != null ? "DISCONNECTED" : "ACTIVE") : status;
        features = features == null ? List.of() : List.copyOf(features);
    }

    /** A service as model 1.1 knew it: no features, cost, dates or term. */
    public ExpectedService(String carrier, String serviceId, String site, ServiceType serviceType, BigDecimal bandwidthMbps, String status) {
        this(carrier, serviceId, site, serviceType, bandwidthMbps, status, List.of(), null, null, 0, null);
    }

    /** Whether the inventory states the service's charge codes, so a code it does not list can be judged unrequested. */
    public boolean statesFeatures() {
        return !features.isEmpty();
    }
}
