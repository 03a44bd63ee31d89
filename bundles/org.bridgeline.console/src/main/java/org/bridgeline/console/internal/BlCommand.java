package org.bridgeline.console.internal;

import org.bridgeline.console.ConsoleCommand;

/** A console command of this bundle: its name, summary and usage given once, in the constructor. */
abstract class BlCommand implements ConsoleCommand {

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

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String summary() {
        return summary;
    }

    @Override
    public final String usage() {
        return usage;
    }
}
