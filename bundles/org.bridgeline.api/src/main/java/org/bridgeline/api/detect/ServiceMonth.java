package org.bridgeline.api.detect;

import java.time.YearMonth;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.Money;

/**
 * What one service cost in one month in one charge category: an aggregate the store computes,
 * so a detector reads a service's history without walking its lines. The month is the charge
 * period's start, else the billing period's, else the invoice date's.
 *
 * @param carrier   the carrier
 * @param account   the billing account
 * @param serviceId the service
 * @param month     the month charged
 * @param category  the charge category
 * @param total     the sum of the lines
 * @param lines     how many lines
 */
public record ServiceMonth(String carrier, String account, String serviceId, YearMonth month, ChargeCategory category,
        Money total, long lines) {
}
