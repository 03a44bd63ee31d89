package org.bridgeline.console.internal;

import org.bridgeline.console.CommandException;
import org.bridgeline.console.Arguments;
import java.io.PrintStream;
import java.util.List;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.core.PluginInfo;
import org.bridgeline.core.PluginRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class)
public final class PluginsCommand extends BlCommand {

    private final PluginRegistry registry;

    @Activate
    public PluginsCommand(@Reference PluginRegistry registry) {
        super("plugins",
                "every parser, benchmark provider and detector, and deployed bundles with problems",
                "usage: bl:plugins\n"
                + "  columns: kind, id, version, bundle, state, and the problem (leaf cause first) when not ACTIVE");
        this.registry = registry;
    }

    @Override
    public void run(Arguments args, PrintStream out) {
        if (!args.positionals().isEmpty()) {
            throw new CommandException("bl:plugins takes no arguments, found " + args.positionals());
        }
        List<PluginInfo> plugins = registry.plugins();
        if (plugins.isEmpty()) {
            out.println("no plugins: drop a plugin jar into deploy/ or install a feature (bl:features)");
            return;
        }
        Table table = new Table("KIND", "ID", "VERSION", "BUNDLE", "STATE", "PROBLEM");
        for (PluginInfo plugin : plugins) {
            table.row(plugin.kind().name().toLowerCase(), plugin.id(), plugin.version(),
                    plugin.bundle() + (plugin.bundleId() < 0 ? "" : " [" + plugin.bundleId() + "]"), plugin.state(),
                    plugin.problem() == null ? "" : plugin.problem());
        }
        table.print(out);
    }
}
