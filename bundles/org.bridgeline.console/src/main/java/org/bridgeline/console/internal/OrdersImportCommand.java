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
        super("orders-import", "import installs, changes and disconnects with their dates (CSV); a known order gets a new version", "usage: bl:orders-import FILE\n  FILE.csv: order_id,carrier,service_id,kind (INSTALL, CHANGE or DISCONNECT),effective (yyyy-MM-dd),detail");
        this.inputs = inputs;
    }

    @Override
    BiFunction<String, Path, String> importer() {
        return inputs::importOrders;
    }
}
