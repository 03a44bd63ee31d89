package org.bridgeline.core.internal;

import java.math.BigDecimal;
import java.time.Duration;
import org.bridgeline.api.model.ProcurementPolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/** The procurement policy from the configuration {@code org.bridgeline.policy}, for every view of the book. */
@Component(service = PolicyConfiguration.class, configurationPid = "org.bridgeline.policy")
public final class PolicyConfiguration {

    /** Configuration {@code org.bridgeline.policy}; the defaults are {@link ProcurementPolicy#DEFAULT}. */
    public @interface Config {
        /** The longest contract term allowed, in months. */
        int maxTermMonths() default 36;

        /** Whether a contract may renew itself. */
        boolean autoRenewalAllowed() default false;

        /** Whether every contract must pay service credits for a missed SLA. */
        boolean slaCreditsRequired() default true;

        /** The least availability a contract may commit to, in percent; 0 for no rule. */
        double availabilityPercent() default 99.9;

        /** The longest time to repair a contract may commit to, in hours; 0 for no rule. */
        int timeToRepairHours() default 4;

        /** The most a contract may commit the enterprise to spend a year; 0 for no ceiling. */
        double committedSpendCeiling() default 0;

        /** A contract worth more than this a year needs procurement's approval; 0 for none. */
        double approvalThreshold() default 250_000;
    }

    private volatile ProcurementPolicy policy = ProcurementPolicy.DEFAULT;

    @Activate
    @Modified
    void configure(Config config) {
        policy = new ProcurementPolicy(config.maxTermMonths(), config.autoRenewalAllowed(), config.slaCreditsRequired(),
                config.availabilityPercent() > 0 ? new BigDecimal(Double.toString(config.availabilityPercent())) : null,
                config.timeToRepairHours() > 0 ? Duration.ofHours(config.timeToRepairHours()) : null,
                config.committedSpendCeiling() > 0 ? new BigDecimal(Double.toString(config.committedSpendCeiling())).stripTrailingZeros() : null,
                config.approvalThreshold() > 0 ? new BigDecimal(Double.toString(config.approvalThreshold())).stripTrailingZeros() : null);
    }

    ProcurementPolicy current() {
        return policy;
    }
}
