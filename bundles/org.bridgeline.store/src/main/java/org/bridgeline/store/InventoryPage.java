package org.bridgeline.store;

import java.util.List;

/**
 * The services matching a selection, at most a page of them, and how many match in all.
 *
 * @param services the page's services by carrier, account and service
 * @param matching how many services match the selection
 */
public record InventoryPage(List<InventoryItem> services, long matching) {

    public InventoryPage {
        services = List.copyOf(services);
    }
}
