package org.bridgeline.api.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An order placed with a carrier: what makes "billed after disconnect" provable.
 *
 * @param orderId   the order's id
 * @param carrier   the carrier
 * @param serviceId the service ordered, changed or disconnected
 * @param kind      INSTALL, CHANGE or DISCONNECT
 * @param effective the date the order took effect
 * @param detail    free text, or {@code null}
 */
public record ServiceOrder(String orderId, String carrier, String serviceId, Kind kind, LocalDate effective, String detail) {

    /** What an order does. */
    public enum Kind {
        INSTALL,
        CHANGE,
        DISCONNECT
    }

    public ServiceOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(effective, "effective");
    }
}
