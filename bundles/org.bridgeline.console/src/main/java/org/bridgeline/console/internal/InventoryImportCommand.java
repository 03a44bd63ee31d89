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
        super("inventory-import", "import the inventory the enterprise believes it has (CSV); replaces the previous version", """
                usage: bl:inventory-import FILE
                  FILE.csv: carrier,service_id,site,service_type,bandwidth_mbps,status (ACTIVE, PENDING or DISCONNECTED), and
                            optionally features (the recurring charge codes the service should carry, its plan or port code
                            included, separated by ;), expected_monthly with currency, install_date, term_months,
                            disconnect_date (yyyy-MM-dd); a service whose features are listed is judged per service for
                            unrequested features""");
        this.inputs = inputs;
    }

    @Override
    BiFunction<String, Path, String> importer() {
        return inputs::importInventory;
    }
}
