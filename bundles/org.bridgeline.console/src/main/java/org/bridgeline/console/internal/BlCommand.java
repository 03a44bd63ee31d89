package org.bridgeline.console.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;

/**
 * One {@code bl:} command, registered as a Gogo {@link Function} so its name may contain a
 * hyphen. Every command answers {@code --help}; it prints to the session's console and reports
 * failure by throwing a {@link CommandException} whose message is one line.
 */
abstract class BlCommand implements Function {

    static final String SCOPE = "bl";

    private final String name;
    private final String summary;
    private final String usage;

    /**
     * @param name    the name after {@code bl:}
     * @param summary one line for {@code bl:help}
     * @param usage   usage and options, printed by {@code --help}
     */
    BlCommand(String name, String summary, String usage) {
        this.name = name;
        this.summary = summary;
        this.usage = usage;
    }

    final String name() {
        return name;
    }

    final String summary() {
        return summary;
    }

    final String usage() {
        return usage;
    }

    Set<String> flags() {
        return Set.of();
    }

    Set<String> valuedOptions() {
        return Set.of();
    }

    abstract void run(Args args, PrintStream out) throws Exception;

    @Override
    public final Object execute(CommandSession session, List<Object> arguments) throws Exception {
        PrintStream out = session.getConsole();
        if (arguments.stream().anyMatch(a -> "--help".equals(a) || "-h".equals(a))) {
            out.println(SCOPE + ":" + name() + " - " + summary());
            out.println(usage());
            return null;
        }
        run(Args.parse(arguments, flags(), valuedOptions(), SCOPE + ":" + name()), out);
        return null;
    }
}
