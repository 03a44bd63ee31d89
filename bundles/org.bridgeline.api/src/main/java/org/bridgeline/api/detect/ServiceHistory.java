package org.bridgeline.api.detect;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.time.YearMonth;
import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.ServiceType;

/**
 * One service's whole billed history in one piece: per charge category, what it cost in each month
 * it was charged. The store computes it, so a detector judging a service against its own past
 * reads one row per service instead of one per service, month and category. A service billed in
 * two currencies has a history per currency.
 *
 * @param carrier     the carrier
 * @param account     the billing account
 * @param serviceId   the service
 * @param serviceType the kind of service its lines state ({@link ServiceType#OTHER} when none does)
 * @param bandwidthMbps the bandwidth its lines state, or {@code null}
 * @param site        the site its lines state, or {@code null}
 * @param currency    the currency of every total
 * @param months      per charge category, the total of each month charged (the month as
 *                    {@link org.bridgeline.api.model.ChargeLine#chargedOn()} places a line), in month order
 */
public record ServiceHistory(String carrier, String account, String serviceId, ServiceType serviceType, BigDecimal bandwidthMbps,
        String site, Currency currency,
        Map<ChargeCategory, SortedMap<YearMonth, Money>> months) {

    public ServiceHistory {
        EnumMap<ChargeCategory, SortedMap<YearMonth, Money>> copy = new EnumMap<>(ChargeCategory.class);
        months.forEach((category, totals) -> copy.put(category, Collections.unmodifiableSortedMap(new TreeMap<>(totals))));
        months = Collections.unmodifiableMap(copy);
        if (serviceType == null) {
            serviceType = ServiceType.OTHER;
        }
    }

    /** The monthly totals of one category; empty when the service has no such charges. */
    public SortedMap<YearMonth, Money> months(ChargeCategory category) {
        return months.getOrDefault(category, Collections.emptySortedMap());
    }

    /** The monthly totals of several categories added together. */
    public SortedMap<YearMonth, Money> combined(ChargeCategory... categories) {
        TreeMap<YearMonth, Money> sum = new TreeMap<>();
        for (ChargeCategory category : categories) {
            months(category).forEach((month, total) -> sum.merge(month, total, Money::plus));
        }
        return sum;
    }

    /** The latest month with any charge. */
    public YearMonth latestMonth() {
        return months.values().stream().map(SortedMap::lastKey).max(YearMonth::compareTo).orElseThrow();
    }
}
