package org.bridgeline.store;

import java.time.Instant;

/**
 * One change of a dispute: when, by whom, from which state to which, and why.
 *
 * @param at    when
 * @param actor the console user or the API token's id
 * @param from  the state before, or {@code null} when the dispute was opened
 * @param to    the state after (the same as before when only credits were recorded)
 * @param note  what the actor wrote, or what the credit matcher found
 */
public record DisputeEvent(Instant at, String actor, DisputeState from, DisputeState to, String note) {
}
