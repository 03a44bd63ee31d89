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
 * @param feature   for {@link Kind#ADD_FEATURE} and {@link Kind#REMOVE_FEATURE}, the feature's charge code; else {@code null}
 */
public record ServiceOrder(String orderId, String carrier, String serviceId, Kind kind, LocalDate effective, String detail, String feature) {

    /** What an order does. */
    public enum Kind {
        INSTALL,
        CHANGE,
        DISCONNECT,
        /** A feature (its charge code) added to a service. */
        ADD_FEATURE,
        /** A feature (its charge code) taken off a service. */
        REMOVE_FEATURE
    }

    public ServiceOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(effective, "effective");
        if ((kind == Kind.ADD_FEATURE || kind == Kind.REMOVE_FEATURE) && (feature == null || feature.isBlank())) {
            throw new IllegalArgumentException("order " + orderId + ": a " + kind + " order needs the feature's charge code");
        }
    }

    /** An install, change or disconnect: the form of model 1.1. */
    public ServiceOrder(String orderId, String carrier, String serviceId, Kind kind, LocalDate effective, String detail) {
        this(orderId, carrier, serviceId, kind, effective, detail, null);
    }
}
