package org.bridgeline.api.detect;

import org.bridgeline.api.model.Period;

/**
 * Which charge lines to read. Each {@code null} component matches everything.
 *
 * @param carrier   only this carrier's lines
 * @param account   only this billing account's lines
 * @param serviceId only this service's lines
 * @param period    only lines of invoices whose billing period overlaps this one
 */
public record LineQuery(String carrier, String account, String serviceId, Period period) {

    public static final LineQuery ALL = new LineQuery(null, null, null, null);

    public static LineQuery carrier(String carrier) {
        return new LineQuery(carrier, null, null, null);
    }
}
