package org.bridgeline.store;

import org.bridgeline.api.detect.LineQuery;
import org.bridgeline.api.model.ServiceType;

/**
 * Which services to list: the query's carrier, account and service, of one kind of service, at a site
 * whose name contains a text (case-insensitive); each {@code null} for any.
 *
 * @param query       carrier, account, service id and period of the lines
 * @param serviceType the kind of service, or {@code null}
 * @param siteContains part of the site's name, or {@code null}
 */
public record InventorySelection(LineQuery query, ServiceType serviceType, String siteContains) {

    public InventorySelection {
        if (query == null) {
            query = LineQuery.ALL;
        }
        if (siteContains != null && siteContains.isBlank()) {
            siteContains = null;
        }
    }
}
