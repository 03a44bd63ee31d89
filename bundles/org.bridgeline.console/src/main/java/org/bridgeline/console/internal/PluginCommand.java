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
public final class PluginCommand extends BlCommand {

    private final PluginRegistry registry;

    @Activate
    public PluginCommand(@Reference PluginRegistry registry) {
        super("plugin",
                "one plugin in full: what it does, where it comes from, what is wrong",
                "usage: bl:plugin ID\n  ID is a plugin id or a bundle's symbolic name, as bl:plugins lists them");
        this.registry = registry;
    }

    @Override
    public void run(Arguments args, PrintStream out) {
        if (args.positionals().size() != 1) {
            throw new CommandException("bl:plugin needs one plugin id, found " + args.positionals().size());
        }
        String id = args.positionals().get(0);
        List<PluginInfo> matches = registry.plugins().stream()
                .filter(plugin -> plugin.id().equals(id) || plugin.bundle().equals(id)).toList();
        if (matches.isEmpty()) {
            throw new CommandException("no plugin with id " + id + " (see bl:plugins)");
        }
        for (PluginInfo plugin : matches) {
            out.println("id           " + plugin.id());
            out.println("kind         " + plugin.kind().name().toLowerCase());
            out.println("version      " + plugin.version());
            out.println("bundle       " + plugin.bundle() + (plugin.bundleId() < 0 ? "" : " [" + plugin.bundleId() + "]"));
            out.println("state        " + plugin.state());
            out.println("description  " + plugin.description());
            if (plugin.problem() != null) {
                out.println("problem      " + plugin.problem());
            }
            out.println();
        }
    }
}
