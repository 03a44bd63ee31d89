package org.bridgeline.console;

import java.io.PrintStream;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One {@code bl:} command, registered as a service by the bundle that owns it. The console names
 * it once ({@code bl:} + {@link #name()}), lists it in {@code bl:help}, prints {@link #usage()} for
 * {@code --help}, and parses the arguments against the declared options before {@link #run} is
 * called: an undeclared option or a missing value fails with the usage hint and exit status 1.
 */
@ConsumerType
public interface ConsoleCommand {

    /** The name after {@code bl:}, e.g. {@code package}. */
    String name();

    /** One line for {@code bl:help}. */
    String summary();

    /** Usage and options, printed by {@code bl:NAME --help}. */
    String usage();

    /** Options without a value, such as {@code all} for {@code --all}. */
    default Set<String> flags() {
        return Set.of();
    }

    /** Options that take a value, such as {@code out} for {@code --out DIR}. */
    default Set<String> valuedOptions() {
        return Set.of();
    }

    /**
     * Does the work. A command that cannot do what was asked throws {@link CommandException}
     * with the one line the operator sees; the command then exits with status 1.
     */
    void run(Arguments arguments, PrintStream out) throws Exception;
}
