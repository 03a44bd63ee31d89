package org.bridgeline.api.detect;

import java.time.YearMonth;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.ServiceType;

/**
 * What one service cost in one month in one charge category: an aggregate the store computes,
 * so a detector reads a service's history without walking its lines. The month is the charge
 * period's start, else the billing period's, else the invoice date's.
 *
 * @param carrier   the carrier
 * @param account   the billing account
 * @param serviceId the service
 * @param serviceType the kind of service its lines state; {@link ServiceType#OTHER} when they do not
 * @param month     the month charged
 * @param category  the charge category
 * @param total     the sum of the lines
 * @param lines     how many lines
 */
public record ServiceMonth(String carrier, String account, String serviceId, ServiceType serviceType, YearMonth month, ChargeCategory category,
        Money total, long lines) {

    /** A service month whose lines state no kind of service (the form of version 1.0). */
    public ServiceMonth(String carrier, String account, String serviceId, YearMonth month, ChargeCategory category, Money total,
            long lines) {
        this(carrier, account, serviceId, ServiceType.OTHER, month, category, total, lines);
    }

    public ServiceMonth {
        if (serviceType == null) {
            serviceType = ServiceType.OTHER;
        }
    }
}
