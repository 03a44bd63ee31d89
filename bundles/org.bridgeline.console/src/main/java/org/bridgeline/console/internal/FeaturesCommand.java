package org.bridgeline.console.internal;

import org.bridgeline.console.Arguments;
import java.io.PrintStream;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.features.FeatureService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class)
public final class FeaturesCommand extends BlCommand {

    private final FeatureService features;

    @Activate
    public FeaturesCommand(@Reference FeatureService features) {
        super("features",
                "the features this distribution ships and which are installed",
                "usage: bl:features");
        this.features = features;
    }

    @Override
    public void run(Arguments args, PrintStream out) throws Exception {
        Table table = new Table("NAME", "ID", "STATE", "BUNDLES", "DESCRIPTION");
        for (FeatureService.FeatureStatus status : features.features()) {
            table.row(status.feature().shortName(), status.feature().id(),
                    status.installed() ? "installed" : "available", status.feature().bundles().size(),
                    status.feature().description());
        }
        table.print(out);
    }
}
