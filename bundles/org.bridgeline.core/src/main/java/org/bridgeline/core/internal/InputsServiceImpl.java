package org.bridgeline.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bridgeline.core.InputsService;
import org.bridgeline.store.InputStore;
import org.bridgeline.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Reads each input file whole, then stores it in one transaction. */
@Component(service = InputsService.class)
public final class InputsServiceImpl implements InputsService {

    private final InputStore store;

    @Activate
    public InputsServiceImpl(@Reference InputStore store) {
        this.store = store;
    }

    private interface Import {
        String run() throws InputsReader.BadInput, IOException, StoreException;
    }

    private static String guarded(Path file, Import work) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no file at " + file);
        }
        try {
            return work.run();
        } catch (InputsReader.BadInput e) {
            throw new IllegalArgumentException(e.getMessage() + "; nothing imported");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        } catch (StoreException e) {
            throw new IllegalArgumentException(e.getMessage() + "; nothing imported");
        }
    }

    @Override
    public String importContracts(String tenant, Path file) {
        return guarded(file, () -> {
            var contracts = InputsReader.contracts(file);
            int stored = store.saveContracts(tenant, file.getFileName().toString(), contracts);
            long rates = contracts.stream().mapToLong(contract -> contract.rates().size()).sum();
            return stored + " contracts with " + rates + " rates imported from " + file.getFileName();
        });
    }

    @Override
    public String importInventory(String tenant, Path file) {
        return guarded(file, () -> {
            var services = InputsReader.inventory(file);
            int version = store.saveExpectedInventory(tenant, file.getFileName().toString(), services);
            return services.size() + " expected services imported from " + file.getFileName() + " (inventory version " + version + ")";
        });
    }

    @Override
    public String importRequirements(String tenant, Path file) {
        return guarded(file, () -> {
            var requirements = InputsReader.requirements(file);
            int version = store.saveRequirements(tenant, file.getFileName().toString(), requirements);
            return requirements.size() + " requirements imported from " + file.getFileName() + " (requirements version " + version + ")";
        });
    }

    @Override
    public String importOrders(String tenant, Path file) {
        return guarded(file, () -> {
            var orders = InputsReader.orders(file);
            int stored = store.saveOrders(tenant, file.getFileName().toString(), orders);
            return stored + " orders imported from " + file.getFileName();
        });
    }
}
