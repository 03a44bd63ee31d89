package org.bridgeline.api.model;

/** What the enterprise should do about a finding. */
public enum RecommendedAction {
    /** Ask the carrier for a credit of the overbilled amount. */
    DISPUTE_FOR_CREDIT,
    /** Disconnect a service nobody uses or that should already be gone. */
    DISCONNECT,
    /** Take the price or the term to the negotiating table. */
    RENEGOTIATE,
    /** Fix the enterprise's own inventory records. */
    CORRECT_INVENTORY,
    /** Look at it: the detector cannot tell which action applies. */
    REVIEW
}
