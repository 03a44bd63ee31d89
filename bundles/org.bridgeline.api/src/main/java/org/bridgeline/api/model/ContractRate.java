package org.bridgeline.api.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One contracted price. A rate applies to the charge lines it matches: every non-null selector
 * (service type, charge code, bandwidth) must equal the line's.
 *
 * @param serviceType   the service type it prices, or {@code null} for any
 * @param chargeCode    the charge code it prices, or {@code null} for any
 * @param bandwidthMbps the bandwidth it prices, or {@code null} for any
 * @param category      {@link ChargeCategory#RECURRING} for a monthly rate,
 *                      {@link ChargeCategory#USAGE} for a per-unit usage rate
 * @param rate          the price per unit (per month for recurring rates)
 * @param unit          the unit priced (for example {@code MIN}), or {@code null} for a monthly rate
 */
public record ContractRate(
        ServiceType serviceType,
        String chargeCode,
        BigDecimal bandwidthMbps,
        ChargeCategory category,
        Money rate,
        String unit) {

    public ContractRate {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(rate, "rate");
    }

    /** Whether the rate prices a charge: every selector it sets equals the charge's. */
    public boolean matches(ServiceType type, String code, BigDecimal bandwidth) {
        return (serviceType == null || serviceType == type)
                && (chargeCode == null || chargeCode.equals(code))
                && (bandwidthMbps == null || bandwidth != null && bandwidthMbps.compareTo(bandwidth) == 0);
    }
}
