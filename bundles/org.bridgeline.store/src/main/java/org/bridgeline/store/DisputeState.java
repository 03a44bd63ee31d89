package org.bridgeline.store;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a dispute stands with its carrier. A dispute is drafted, submitted, acknowledged by the
 * carrier, perhaps escalated, and ends credited in full, or denied; a partial credit leaves it open
 * for the rest. A denied dispute may be submitted again, its history kept.
 */
public enum DisputeState {
    DRAFT, SUBMITTED, ACKNOWLEDGED, ESCALATED, PARTIALLY_CREDITED, CREDITED, DENIED;

    /** Whether the dispute still holds its findings: no other dispute may claim them. */
    public boolean open() {
        return this != CREDITED && this != DENIED;
    }

    /** Whether a credit on a later bill may settle it: the carrier has been asked and has not said its last word. */
    public boolean awaitingCredit() {
        return this == SUBMITTED || this == ACKNOWLEDGED || this == ESCALATED || this == PARTIALLY_CREDITED;
    }

    /** The states a dispute in this state may move to. */
    public Set<DisputeState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED);
            case SUBMITTED -> EnumSet.of(ACKNOWLEDGED, ESCALATED, PARTIALLY_CREDITED, CREDITED, DENIED);
            case ACKNOWLEDGED -> EnumSet.of(ESCALATED, PARTIALLY_CREDITED, CREDITED, DENIED);
            case ESCALATED -> EnumSet.of(ACKNOWLEDGED, PARTIALLY_CREDITED, CREDITED, DENIED);
            case PARTIALLY_CREDITED -> EnumSet.of(ESCALATED, PARTIALLY_CREDITED, CREDITED, DENIED);
            case DENIED -> EnumSet.of(SUBMITTED, ESCALATED);
            case CREDITED -> EnumSet.noneOf(DisputeState.class);
        };
    }

    public boolean canBecome(DisputeState state) {
        return next().contains(state);
    }
}
