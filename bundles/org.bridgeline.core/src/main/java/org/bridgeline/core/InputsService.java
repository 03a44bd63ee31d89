package org.bridgeline.core;

import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Imports what the enterprise says besides its bills: contracts (JSON or CSV), the inventory it
 * believes it has (CSV) and its orders (CSV). A file is read whole and checked before anything
 * is stored: all of it, or nothing and an error naming the row and field.
 */
@ProviderType
public interface InputsService {

    /** @return a line for the operator: what was stored */
    String importContracts(String tenant, Path file);

    String importInventory(String tenant, Path file);

    String importOrders(String tenant, Path file);

    String importRequirements(String tenant, Path file);
}
