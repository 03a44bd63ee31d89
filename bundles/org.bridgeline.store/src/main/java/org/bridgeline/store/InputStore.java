package org.bridgeline.store;

import java.util.List;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.Requirement;
import org.bridgeline.api.model.ServiceOrder;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The input role: what the enterprise says besides its bills, each import a new version. They are
 * read back through the book ({@link BookStore}), as detectors read them.
 */
@ProviderType
public interface InputStore {

    /** Stores contracts from one source; a contract already known (carrier and id) gets a new version. Returns how many. */
    int saveContracts(String tenant, String source, List<Contract> contracts) throws StoreException;

    /** Stores the expected inventory as a new version that replaces the last; returns the version. */
    int saveExpectedInventory(String tenant, String source, List<ExpectedService> services) throws StoreException;

    /** Stores IT's requirements as a new version replacing the previous; returns the version. */
    int saveRequirements(String tenant, String source, List<Requirement> requirements) throws StoreException;

    /** Stores orders; an order already known (carrier and id) gets a new version. Returns how many. */
    int saveOrders(String tenant, String source, List<ServiceOrder> orders) throws StoreException;
}
