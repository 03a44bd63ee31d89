package org.bridgeline.console.internal;

import org.bridgeline.console.CommandException;
import org.bridgeline.console.Arguments;
import java.io.PrintStream;
import org.bridgeline.features.Feature;
import org.bridgeline.features.FeatureException;

/** A command that changes one feature, named by its only argument. */
abstract class FeatureChangeCommand extends BlCommand {

    private final String done;

    FeatureChangeCommand(String name, String summary, String done) {
        super(name, summary, "usage: bl:" + name + " NAME\n  NAME is a feature's short name or full id (see bl:features)");
        this.done = done;
    }

    abstract Feature change(String feature) throws FeatureException;

    @Override
    public final void run(Arguments args, PrintStream out) {
        if (args.positionals().size() != 1) {
            throw new CommandException("bl:" + name() + " needs one feature name, found " + args.positionals().size());
        }
        try {
            Feature feature = change(args.positionals().get(0));
            out.println(done + " feature " + feature.shortName() + " (" + feature.bundles().size() + " bundles)");
        } catch (FeatureException e) {
            throw new CommandException(e.getMessage());
        }
    }
}
