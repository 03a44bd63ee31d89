package org.bridgeline.dispute;

import java.util.List;

/**
 * What one pass of credit matching did.
 *
 * @param creditsRead credit and adjustment lines read that no dispute held yet
 * @param applied     matches applied
 * @param proposed    matches proposed for an operator to confirm
 * @param changed     the disputes that gained credits or proposals
 */
public record CreditMatchReport(int creditsRead, int applied, int proposed, List<Long> changed) {

    public CreditMatchReport {
        changed = List.copyOf(changed);
    }
}
