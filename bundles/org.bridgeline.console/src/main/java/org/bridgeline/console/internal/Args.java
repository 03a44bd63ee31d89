package org.bridgeline.console.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command arguments: positionals, {@code --flag}s and {@code --option value}s. Anything the
 * command does not declare is an error naming the command and its usage.
 */
final class Args {

    private final List<String> positionals = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();

    private Args() {
    }

    /**
     * @param flags      options without a value ({@code --all})
     * @param valued     options that take a value ({@code --out DIR})
     */
    static Args parse(List<Object> raw, Set<String> flags, Set<String> valued, String command) {
        Args args = new Args();
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
                if (flags.contains(name) && value == null) {
                    args.options.put(name, "true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= raw.size()) {
                            throw new CommandException(command + ": option --" + name + " needs a value");
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

    List<String> positionals() {
        return positionals;
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    String option(String name) {
        return options.get(name);
    }
}
