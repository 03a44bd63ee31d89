package org.bridgeline.api.detect;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.ChargeLine;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.ServiceType;

/**
 * One charge code of one service billed at one price per unit, from the first to the last day it
 * was charged at that price: an aggregate the store computes, so a detector compares prices
 * without walking the lines. A service whose price changed has a row per price at least (lines
 * without a stated unit price may be split further by their amount and quantity).
 *
 * @param carrier       the carrier
 * @param account       the billing account
 * @param serviceId     the service
 * @param serviceType   the kind of service the lines state
 * @param bandwidthMbps the bandwidth the lines state, or {@code null}
 * @param chargeCode    the charge code, or {@code null}
 * @param category      the charge category
 * @param pricePerUnit  the price of one unit, as {@link ChargeLine#pricePerUnit()} reads it
 * @param firstCharged  the earliest day a line at this price was placed at ({@link ChargeLine#chargedOn()})
 * @param lastCharged   the latest such day
 * @param lines         how many lines
 */
public record BilledPrice(String carrier, String account, String serviceId, ServiceType serviceType, BigDecimal bandwidthMbps,
        String chargeCode, ChargeCategory category, Money pricePerUnit, LocalDate firstCharged, LocalDate lastCharged, long lines) {
}
