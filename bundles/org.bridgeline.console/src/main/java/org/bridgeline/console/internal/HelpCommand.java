package org.bridgeline.console.internal;

import java.io.PrintStream;
import org.bridgeline.console.Arguments;
import org.bridgeline.console.ConsoleCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code bl:help}: every command any bundle registers, with its one-line summary. */
@Component(service = ConsoleCommand.class, property = Arguments.ACCESS + "=tenant-read")
public final class HelpCommand extends BlCommand {

    private final CommandRegistrar registrar;

    @Activate
    public HelpCommand(@Reference CommandRegistrar registrar) {
        super("help",
                "the bl commands; bl:COMMAND --help tells more",
                "usage: bl:help");
        this.registrar = registrar;
    }

    @Override
    public void run(Arguments args, PrintStream out) {
        args.positionals(0, 0, "no arguments");
        Table table = new Table("COMMAND", "WHAT IT DOES");
        registrar.commands().forEach(command -> table.row(SCOPE + ":" + command.name(), command.summary()));
        table.print(out);
    }
}
