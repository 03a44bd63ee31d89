package org.bridgeline.api.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A future need IT states: a service at a site by a date, with the SLA it must meet.
 *
 * @param site          the site that needs the service
 * @param serviceType   the kind of service
 * @param bandwidthMbps bandwidth needed, or {@code null} when not applicable
 * @param neededBy      the date it must be in service
 * @param sla           the SLA targets
 * @param notes         free text from IT, or {@code null}
 */
public record Requirement(
        String site,
        ServiceType serviceType,
        BigDecimal bandwidthMbps,
        LocalDate neededBy,
        SlaTerms sla,
        String notes) {

    public Requirement {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(serviceType, "serviceType");
        Objects.requireNonNull(neededBy, "neededBy");
        sla = sla == null ? SlaTerms.NONE : sla;
    }
}
