package org.bridgeline.api.model;

/**
 * What kind of charge a line is. Each maps onto the FinOps FOCUS ChargeCategory and
 * ChargeFrequency columns, so Bridgeline data exports in FOCUS terms.
 */
public enum ChargeCategory {
    /** Monthly recurring charge (MRC). */
    RECURRING("Purchase", "Recurring"),
    /** Non-recurring charge (NRC): installation, activation, equipment. */
    ONE_TIME("Purchase", "One-Time"),
    /** Metered use: minutes, messages, data. */
    USAGE("Usage", "Usage-Based"),
    TAX("Tax", "Recurring"),
    /** Regulatory and carrier surcharges: USF, recovery fees. */
    SURCHARGE("Tax", "Recurring"),
    CREDIT("Credit", "One-Time"),
    /** Adjustments, late fees and penalties included. */
    ADJUSTMENT("Adjustment", "One-Time");

    private final String focusChargeCategory;
    private final String focusChargeFrequency;

    ChargeCategory(String focusChargeCategory, String focusChargeFrequency) {
        this.focusChargeCategory = focusChargeCategory;
        this.focusChargeFrequency = focusChargeFrequency;
    }

    /** The FOCUS ChargeCategory value: Purchase, Usage, Tax, Credit or Adjustment. */
    public String focusChargeCategory() {
        return focusChargeCategory;
    }

    /** The FOCUS ChargeFrequency value: Recurring, One-Time or Usage-Based. */
    public String focusChargeFrequency() {
        return focusChargeFrequency;
    }
}
