package org.bridgeline.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.ServiceType;

/**
 * One service the enterprise is billed for, derived from its charge lines.
 *
 * @param carrier          the carrier
 * @param account          the billing account
 * @param serviceId        circuit id, telephone number or line id
 * @param site             site, when the bill names one
 * @param serviceType      the kind of service
 * @param firstBilled      the earliest invoice date it appears on
 * @param lastBilled       the latest invoice date it appears on
 * @param monthlyRecurring recurring charges on its latest invoice
 * @param usage            usage charges on its latest invoice
 * @param lines            how many charge lines it has in all
 * @param chargeCodes      the charge codes (features) billed on it, sorted
 * @param bandwidthMbps    bandwidth where a line states it, else {@code null}
 */
public record InventoryItem(String carrier, String account, String serviceId, String site, ServiceType serviceType,
        LocalDate firstBilled, LocalDate lastBilled, Money monthlyRecurring, Money usage, long lines,
        List<String> chargeCodes, BigDecimal bandwidthMbps) {
}
