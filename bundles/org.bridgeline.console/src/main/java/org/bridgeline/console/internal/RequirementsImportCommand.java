package org.bridgeline.console.internal;

import java.nio.file.Path;
import java.util.function.BiFunction;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.core.InputsService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class)
public final class RequirementsImportCommand extends InputImportCommand {

    private final InputsService inputs;

    @Activate
    public RequirementsImportCommand(@Reference InputsService inputs) {
        super("requirements-import", "import IT's requirements (CSV or JSON); replaces the previous version",
                "usage: bl:requirements-import FILE\n  FILE.csv: site,service_type,bandwidth_mbps,needed_by,availability_percent,time_to_repair_hours,notes\n"
                        + "  FILE.json: {\"requirements\": [{\"site\", \"serviceType\", \"bandwidthMbps\", \"neededBy\", \"availabilityPercent\", "
                        + "\"timeToRepairHours\", \"notes\"}]}");
        this.inputs = inputs;
    }

    @Override
    BiFunction<String, Path, String> importer() {
        return inputs::importRequirements;
    }
}
