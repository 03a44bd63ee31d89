package org.bridgeline.store.jdbc;

import java.util.List;
import org.bridgeline.api.model.Contract;
import org.bridgeline.api.model.ExpectedService;
import org.bridgeline.api.model.Requirement;
import org.bridgeline.api.model.ServiceOrder;
import org.bridgeline.store.InputStore;
import org.bridgeline.store.StoreException;

/** The input role: each import a new version in one transaction. */
public class SqlInputStore implements InputStore {

    private final Database database;

    public SqlInputStore(Database database) {
        this.database = database;
    }

    @Override
    public int saveContracts(String tenant, String source, List<Contract> contracts) throws StoreException {
        return database.with(tenant, "cannot store the contracts of " + source, c -> Inputs.saveContracts(c, tenant, source, contracts));
    }

    @Override
    public int saveExpectedInventory(String tenant, String source, List<ExpectedService> services) throws StoreException {
        return database.with(tenant, "cannot store the inventory of " + source, c -> Inputs.saveExpectedInventory(database, c, tenant, source, services));
    }

    @Override
    public int saveRequirements(String tenant, String source, List<Requirement> requirements) throws StoreException {
        return database.with(tenant, "cannot store the requirements", c -> Inputs.saveRequirements(c, tenant, source, requirements));
    }

    @Override
    public int saveOrders(String tenant, String source, List<ServiceOrder> orders) throws StoreException {
        return database.with(tenant, "cannot store the orders of " + source, c -> Inputs.saveOrders(c, tenant, source, orders));
    }
}
