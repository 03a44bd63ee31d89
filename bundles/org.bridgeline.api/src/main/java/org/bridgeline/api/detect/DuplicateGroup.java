package org.bridgeline.api.detect;

import java.util.List;

/**
 * Charge lines that look like one charge billed more than once: the same carrier, service,
 * charge code, charge period and amount, on one invoice or across accounts. The store finds
 * them; a detector decides which are true duplicates.
 *
 * @param lines the lines, at least two, in invoice then source order
 */
public record DuplicateGroup(List<org.bridgeline.api.model.ChargeLine> lines) {

    public DuplicateGroup {
        lines = List.copyOf(lines);
    }
}
