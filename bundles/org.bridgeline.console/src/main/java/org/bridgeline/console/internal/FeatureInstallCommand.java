package org.bridgeline.console.internal;

import java.io.PrintStream;
import org.apache.felix.service.command.Function;
import org.bridgeline.features.Feature;
import org.bridgeline.features.FeatureException;
import org.bridgeline.features.FeatureService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = Function.class, property = {"osgi.command.scope=bl", "osgi.command.function=feature-install"})
public final class FeatureInstallCommand extends BlCommand {

    private final FeatureService features;

    @Activate
    public FeatureInstallCommand(@Reference FeatureService features) {
        this.features = features;
    }

    @Override
    String name() {
        return "feature-install";
    }

    @Override
    String summary() {
        return "install a feature's bundles and configurations, now and at every start";
    }

    @Override
    String usage() {
        return "usage: bl:feature-install NAME\n  NAME is a feature's short name or full id (see bl:features)";
    }

    @Override
    void run(Args args, PrintStream out) {
        if (args.positionals().size() != 1) {
            throw new CommandException("bl:feature-install needs one feature name, found " + args.positionals().size());
        }
        try {
            Feature feature = features.install(args.positionals().get(0));
            out.println("installed feature " + feature.shortName() + " (" + feature.bundles().size() + " bundles)");
        } catch (FeatureException e) {
            throw new CommandException(e.getMessage());
        }
    }
}
