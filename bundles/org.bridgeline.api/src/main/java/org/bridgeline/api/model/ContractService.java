package org.bridgeline.api.model;

import java.util.List;
import java.util.Objects;

/**
 * One entry of an agreement's service schedule: a service (by its id, or by its type and site) with
 * its own term and, where the schedule prices it, its own rates.
 *
 * @param serviceId   the circuit, line or service id, or {@code null} to name the service by type and site
 * @param serviceType the kind of service, or {@code null} for any
 * @param site        the site, or {@code null} for any (only used when {@code serviceId} is {@code null})
 * @param term        the service's own term
 * @param rates       the rates the schedule sets for it; empty when the agreement's rates apply
 */
public record ContractService(String serviceId, ServiceType serviceType, String site, Period term, List<ContractRate> rates) {

    public ContractService {
        Objects.requireNonNull(term, "term");
        rates = rates == null ? List.of() : List.copyOf(rates);
        if (serviceId == null && serviceType == null && site == null) {
            throw new IllegalArgumentException("a scheduled service needs a service id, or a service type or site");
        }
    }

    /** Whether the entry names the service by its id. */
    public boolean names(String id) {
        return serviceId != null && serviceId.equals(id);
    }

    /** Whether the entry describes a service of this type at this site without naming an id. */
    public boolean describes(ServiceType type, String atSite) {
        return serviceId == null && (serviceType == null || serviceType == type) && (site == null || site.equals(atSite));
    }
}
