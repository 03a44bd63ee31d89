package org.bridgeline.api.detect;

import java.time.YearMonth;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.ServiceType;

/**
 * A service paid a recurring charge in each of its latest months with no usage charged in any of
 * them: an aggregate the store computes, so a detector looking for lines nobody uses reads those
 * services, not every service's history.
 *
 * @param carrier     the carrier
 * @param account     the billing account
 * @param serviceId   the service
 * @param serviceType the kind of service its lines state ({@link ServiceType#OTHER} when none does)
 * @param from        the first month of the idle run (as {@link org.bridgeline.api.model.ChargeLine#chargedOn()} places a line)
 * @param to          its last month: the service's latest month with a recurring charge
 * @param monthly     the recurring charges of that last month
 * @since 1.5
 */
public record IdleService(String carrier, String account, String serviceId, ServiceType serviceType, YearMonth from, YearMonth to,
        Money monthly) {
}
