package org.bridgeline.api.detect;

import org.bridgeline.api.model.ChargeCategory;
import org.bridgeline.api.model.Period;

/**
 * Which charge lines to read. Each {@code null} component matches everything.
 *
 * @param carrier   only this carrier's lines
 * @param account   only this billing account's lines
 * @param serviceId only this service's lines
 * @param period    only lines of invoices whose billing period overlaps this one
 * @param category  only lines of this charge category
 */
public record LineQuery(String carrier, String account, String serviceId, Period period, ChargeCategory category) {

    public static final LineQuery ALL = new LineQuery(null, null, null, null, null);

    public LineQuery(String carrier, String account, String serviceId, Period period) {
        this(carrier, account, serviceId, period, null);
    }

    public static LineQuery carrier(String carrier) {
        return new LineQuery(carrier, null, null, null, null);
    }

    /** This query, narrowed to one charge category. */
    public LineQuery withCategory(ChargeCategory value) {
        return new LineQuery(carrier, account, serviceId, period, value);
    }
}
