package org.bridgeline.console.internal;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

@Component(service = Function.class, property = {"osgi.command.scope=bl", "osgi.command.function=help"})
public final class HelpCommand extends BlCommand {

    public HelpCommand() {
        super("help",
                "the bl commands; bl:COMMAND --help tells more",
                "usage: bl:help");
    }

    private final List<BlCommand> commands = new CopyOnWriteArrayList<>();

    @Reference(service = Function.class, target = "(&(osgi.command.scope=bl)(!(osgi.command.function=help)))", cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addCommand(Function command) {
        if (command instanceof BlCommand bl) {
            commands.add(bl);
        }
    }

    void removeCommand(Function command) {
        commands.remove(command);
    }

    @Override
    void run(Args args, PrintStream out) {
        Table table = new Table("COMMAND", "WHAT IT DOES");
        table.row("bl:help", summary());
        commands.stream().sorted(Comparator.comparing(BlCommand::name))
                .forEach(command -> table.row(SCOPE + ":" + command.name(), command.summary()));
        table.print(out);
    }
}
