package org.bridgeline.console.internal;

import java.io.PrintStream;
import org.apache.felix.service.command.Function;
import org.bridgeline.features.Feature;
import org.bridgeline.features.FeatureException;
import org.bridgeline.features.FeatureService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = Function.class, property = {"osgi.command.scope=bl", "osgi.command.function=feature-uninstall"})
public final class FeatureUninstallCommand extends BlCommand {

    private final FeatureService features;

    @Activate
    public FeatureUninstallCommand(@Reference FeatureService features) {
        this.features = features;
    }

    @Override
    String name() {
        return "feature-uninstall";
    }

    @Override
    String summary() {
        return "uninstall a feature: its bundles (unless another feature holds them) and configurations";
    }

    @Override
    String usage() {
        return "usage: bl:feature-uninstall NAME\n  NAME is a feature's short name or full id (see bl:features)";
    }

    @Override
    void run(Args args, PrintStream out) {
        if (args.positionals().size() != 1) {
            throw new CommandException("bl:feature-uninstall needs one feature name, found " + args.positionals().size());
        }
        try {
            Feature feature = features.uninstall(args.positionals().get(0));
            out.println("uninstalled feature " + feature.shortName() + " (" + feature.bundles().size() + " bundles)");
        } catch (FeatureException e) {
            throw new CommandException(e.getMessage());
        }
    }
}
