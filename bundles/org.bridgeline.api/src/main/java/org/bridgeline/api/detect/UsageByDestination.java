package org.bridgeline.api.detect;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.ServiceType;

/**
 * What one service's calls to one number cost: an aggregate the store computes over usage lines
 * that name the number dialled, for pricing usage against a rate deck.
 *
 * @param carrier       the carrier
 * @param account       the billing account
 * @param serviceId     the service that called
 * @param serviceType   its kind
 * @param destination   the number dialled
 * @param usageUnit     the unit of {@code usageQuantity} (MIN, SEC), or {@code null}
 * @param total         what the calls cost
 * @param usageQuantity how long they lasted, in {@code usageUnit}
 * @param lines         how many lines
 * @param firstCharged  the earliest day charged
 * @param lastCharged   the latest day charged
 */
public record UsageByDestination(String carrier, String account, String serviceId, ServiceType serviceType, String destination,
        String usageUnit, Money total, BigDecimal usageQuantity, long lines, LocalDate firstCharged, LocalDate lastCharged) {
}
