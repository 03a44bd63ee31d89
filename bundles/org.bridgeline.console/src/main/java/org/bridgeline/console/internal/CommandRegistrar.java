package org.bridgeline.console.internal;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.bridgeline.console.Arguments;
import org.bridgeline.console.CommandException;
import org.bridgeline.console.ConsoleCommand;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The whiteboard of {@link ConsoleCommand}s: each one, from any bundle, becomes the Gogo function
 * {@code bl:NAME} while it is registered. The function answers {@code --help} with the usage and
 * parses the options the command declares, so every command behaves the same on a bad argument.
 */
@Component(service = CommandRegistrar.class, immediate = true)
public final class CommandRegistrar {

    private final BundleContext context;
    private final Map<ConsoleCommand, ServiceRegistration<Function>> registered = new ConcurrentHashMap<>();

    @Activate
    public CommandRegistrar(BundleContext context) {
        this.context = context;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCommand(ConsoleCommand command, Map<String, Object> properties) {
        register(command, String.valueOf(properties.getOrDefault(Arguments.ACCESS, "runtime")));
    }

    void removeCommand(ConsoleCommand command) {
        ServiceRegistration<Function> registration = registered.remove(command);
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the console bundle is stopping
            }
        }
    }

    /** Every command now registered, by name. */
    List<ConsoleCommand> commands() {
        return registered.keySet().stream().sorted(Comparator.comparing(ConsoleCommand::name)).toList();
    }

    private void register(ConsoleCommand command, String access) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("osgi.command.scope", BlCommand.SCOPE);
        properties.put("osgi.command.function", command.name());
        registered.put(command, context.registerService(Function.class, new GogoFunction(command, access), properties));
    }

    @Deactivate
    void deactivate() {
        registered.keySet().forEach(this::removeCommand);
    }

    /** One command as Gogo calls it. */
    private record GogoFunction(ConsoleCommand command, String access) implements Function {
        @Override
        public Object execute(CommandSession session, List<Object> arguments) throws Exception {
            PrintStream out = session.getConsole();
            String name = BlCommand.SCOPE + ":" + command.name();
            if (arguments.stream().anyMatch(a -> "--help".equals(a) || "-h".equals(a))) {
                out.println(name + " - " + command.summary());
                out.println(command.usage());
                return null;
            }
            Object tenant = session.get(Arguments.SESSION_TENANT);
            if (tenant != null) {
                // a tenant's session (a remote console): only that tenant's reads, and its audits for an operator's key
                if (!access.startsWith("tenant-")) {
                    throw new CommandException(name + " is for the runtime's own operators, not in a tenant's session");
                }
                if (access.equals("tenant-write") && !"operator".equals(session.get(Arguments.SESSION_ROLE))) {
                    throw new CommandException(name + " needs an operator's key; this session's key is a viewer's");
                }
            }
            command.run(Arguments.parse(arguments, command.flags(), command.valuedOptions(), name,
                    tenant == null ? null : String.valueOf(tenant)), out);
            return null;
        }
    }
}
