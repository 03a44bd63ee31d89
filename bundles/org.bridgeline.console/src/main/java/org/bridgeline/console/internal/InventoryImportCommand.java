package org.bridgeline.console.internal;

import java.nio.file.Path;
import java.util.function.BiFunction;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.core.InputsService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class)
public final class InventoryImportCommand extends InputImportCommand {

    private final InputsService inputs;

    @Activate
    public InventoryImportCommand(@Reference InputsService inputs) {
        super("inventory-import", "import the inventory the enterprise believes it has (CSV); replaces the previous version", "usage: bl:inventory-import FILE\n  FILE.csv: carrier,service_id,site,service_type,bandwidth_mbps,status (ACTIVE, PENDING or DISCONNECTED)");
        this.inputs = inputs;
    }

    @Override
    BiFunction<String, Path, String> importer() {
        return inputs::importInventory;
    }
}
