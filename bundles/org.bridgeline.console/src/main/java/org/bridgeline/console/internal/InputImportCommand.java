package org.bridgeline.console.internal;

import org.bridgeline.console.CommandException;
import org.bridgeline.console.Arguments;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.BiFunction;

/** A command that imports one input file (contracts, inventory, orders) and prints what was stored. */
abstract class InputImportCommand extends BlCommand {

    InputImportCommand(String name, String summary, String usage) {
        super(name, summary, usage);
    }

    abstract BiFunction<String, Path, String> importer();

    @Override
    public final void run(Arguments args, PrintStream out) {
        if (args.positionals().size() != 1) {
            throw new CommandException("bl:" + name() + " needs one FILE, found " + args.positionals().size() + " (see bl:" + name()
                    + " --help)");
        }
        try {
            out.println(importer().apply(args.tenant(), Path.of(args.positionals().get(0)).toAbsolutePath()));
        } catch (IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
    }
}
