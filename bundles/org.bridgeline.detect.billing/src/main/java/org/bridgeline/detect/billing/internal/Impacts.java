package org.bridgeline.detect.billing.internal;

import java.math.BigDecimal;
import org.bridgeline.api.model.Money;
import org.bridgeline.api.model.Severity;

/** How the billing detectors price and grade what they find. */
final class Impacts {

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private Impacts() {
    }

    /** A monthly amount over a year. */
    static Money annual(Money monthly) {
        return monthly.times(TWELVE);
    }

    /** Severity by annual impact: the operator's thresholds for MEDIUM, HIGH and CRITICAL. */
    static Severity severity(Money annual, double medium, double high, double critical) {
        BigDecimal amount = annual.amount().abs();
        if (amount.compareTo(BigDecimal.valueOf(critical)) >= 0) {
            return Severity.CRITICAL;
        }
        if (amount.compareTo(BigDecimal.valueOf(high)) >= 0) {
            return Severity.HIGH;
        }
        return amount.compareTo(BigDecimal.valueOf(medium)) >= 0 ? Severity.MEDIUM : Severity.LOW;
    }
}
