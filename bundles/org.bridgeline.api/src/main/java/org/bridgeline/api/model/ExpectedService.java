package org.bridgeline.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A service the enterprise believes it has: its own inventory record, set against what is billed.
 *
 * @param carrier       the carrier
 * @param serviceId     circuit id, telephone number or line id, as the carrier bills it
 * @param site          where it is
 * @param serviceType   the kind of service
 * @param bandwidthMbps its bandwidth, or {@code null}
 * @param status        ACTIVE, PENDING or DISCONNECTED as the enterprise records it
 */
public record ExpectedService(String carrier, String serviceId, String site, ServiceType serviceType, BigDecimal bandwidthMbps,
        String status) {

    public ExpectedService {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(serviceId, "serviceId");
        serviceType = serviceType == null ? ServiceType.OTHER : serviceType;
        status = status == null ? "ACTIVE" : status;
    }
}
