package org.bridgeline.console.internal;

import java.nio.file.Path;
import java.util.function.BiFunction;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.core.InputsService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class)
public final class OrdersImportCommand extends InputImportCommand {

    private final InputsService inputs;

    @Activate
    public OrdersImportCommand(@Reference InputsService inputs) {
        super("orders-import", "import installs, changes, disconnects and feature changes with their dates (CSV); a known order gets a new version",
                """
                usage: bl:orders-import FILE
                  FILE.csv: order_id,carrier,service_id,kind (INSTALL, CHANGE, DISCONNECT, ADD_FEATURE or REMOVE_FEATURE),
                            effective (yyyy-MM-dd),detail, and feature: the charge code an ADD_FEATURE or REMOVE_FEATURE order
                            adds or removes""");
        this.inputs = inputs;
    }

    @Override
    BiFunction<String, Path, String> importer() {
        return inputs::importOrders;
    }
}
