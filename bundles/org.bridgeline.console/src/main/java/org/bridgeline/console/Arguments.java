package org.bridgeline.console;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: positionals, {@code --flag}s and {@code --option value}s (or
 * {@code --option=value}). Anything the command does not declare is an error naming the command
 * and pointing at its usage.
 */
public final class Arguments {

    private static final String TENANT = "tenant";
    /** The session variable a remote console sets to the tenant its key is bound to. */
    public static final String SESSION_TENANT = "bridgeline.tenant";
    /** The session variable a remote console sets to its key's role, viewer or operator. */
    public static final String SESSION_ROLE = "bridgeline.role";
    /** The service property saying who may run a command from a tenant's session: runtime (the default), tenant-read, tenant-write. */
    public static final String ACCESS = "bridgeline.command.access";
    private static final String DEFAULT_TENANT = org.bridgeline.store.Tenants.DEFAULT;

    private final String command;
    private String boundTenant;
    private final List<String> positionals = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();

    private Arguments(String command) {
        this.command = command;
    }

    /**
     * @param raw     the words after the command's name
     * @param flags   options without a value ({@code --all})
     * @param valued  options that take a value ({@code --out DIR})
     * @param command the command's full name, for messages ({@code bl:package})
     */
    public static Arguments parse(List<?> raw, Set<String> flags, Set<String> valued, String command) {
        return parse(raw, flags, valued, command, null);
    }

    /**
     * Parses the words of a command run in a session bound to one tenant (a remote console whose
     * key names it): the tenant is that one, and a {@code --tenant} naming another is refused.
     *
     * @param boundTenant the session's tenant, or null for the local console
     */
    public static Arguments parse(List<?> raw, Set<String> flags, Set<String> valued, String command, String boundTenant) {
        Arguments args = parseWords(raw, flags, valued, command);
        if (boundTenant != null) {
            String named = args.options.get(TENANT);
            if (named != null && !named.equals(boundTenant)) {
                throw new CommandException(command + ": --tenant " + named + ": this session works for " + boundTenant + " only");
            }
            args.options.put(TENANT, boundTenant);
            args.boundTenant = boundTenant;
        }
        return args;
    }

    private static Arguments parseWords(List<?> raw, Set<String> flags, Set<String> valued, String command) {
        Arguments args = new Arguments(command);
        for (int i = 0; i < raw.size(); i++) {
            String word = String.valueOf(raw.get(i));
            if (word.startsWith("--") && word.length() > 2) {
                String name = word.substring(2);
                String value = null;
                int equals = name.indexOf('=');
                if (equals > 0) {
                    value = name.substring(equals + 1);
                    name = name.substring(0, equals);
                }
                if (TENANT.equals(name) && !valued.contains(name)) {
                    // every command takes the tenant it works for; the embedded default when none is named
                    if (value == null) {
                        if (i + 1 >= raw.size()) {
                            throw new CommandException(command + ": option --tenant needs a value (see " + command + " --help)");
                        }
                        value = String.valueOf(raw.get(++i));
                    }
                    args.options.put(name, value);
                } else if (flags.contains(name) && value == null) {
                    args.options.put(name, "true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= raw.size()) {
                            throw new CommandException(command + ": option --" + name + " needs a value (see " + command + " --help)");
                        }
                        value = String.valueOf(raw.get(++i));
                    }
                    args.options.put(name, value);
                } else {
                    throw new CommandException(command + ": unknown option --" + name + " (see " + command + " --help)");
                }
            } else {
                args.positionals.add(word);
            }
        }
        return args;
    }

    /** The tenant the command works for: {@code --tenant NAME}, or the embedded runtime's default tenant. */
    public String tenant() {
        String tenant = options.getOrDefault(TENANT, DEFAULT_TENANT);
        if (!tenant.matches("[a-z0-9][a-z0-9-]{1,39}")) {
            throw new CommandException(command + ": --tenant: expected a tenant's name (bl:tenants lists them), found \"" + tenant + "\"");
        }
        return tenant;
    }

    /**
     * Who runs the command, as a record of a change names them: {@code console} on the runtime's own
     * console, {@code ssh (TENANT)} in a remote session bound to a tenant's key.
     */
    public String actor() {
        return remote() ? "ssh (" + boundTenant + ")" : "console";
    }

    /** Whether the command runs in a remote session bound to a tenant (which may not name paths on the runtime's machine). */
    public boolean remote() {
        return boundTenant != null;
    }

    /** The words that are not options, in order. */
    public List<String> positionals() {
        return Collections.unmodifiableList(positionals);
    }

    /** The positionals, which must number from {@code min} to {@code max}; else a {@link CommandException} naming what was expected. */
    public List<String> positionals(int min, int max, String expected) {
        if (positionals.size() < min || positionals.size() > max) {
            throw new CommandException(command + ": expected " + expected + ", found "
                    + (positionals.isEmpty() ? "nothing" : String.join(" ", positionals)) + " (see " + command + " --help)");
        }
        return positionals();
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    /** The option's value, or {@code null} when not given. */
    public String option(String name) {
        return options.get(name);
    }

    /** The option's value, or {@code fallback} when not given. */
    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /** A whole-number option from {@code min} to {@code max}, or {@code fallback} when not given. */
    public long number(String name, long fallback, long min, long max) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new CommandException(command + ": --" + name + " expects a whole number"
                + (min == Long.MIN_VALUE && max == Long.MAX_VALUE ? "" : " from " + min + " to " + max) + ", found \"" + value + "\"");
    }
}
