package org.bridgeline.console.internal;

import org.bridgeline.console.Arguments;
import java.io.PrintStream;
import java.time.Duration;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.core.PluginKind;
import org.bridgeline.core.RuntimeHealth;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class)
public final class StatusCommand extends BlCommand {

    private final RuntimeHealth health;

    @Activate
    public StatusCommand(@Reference RuntimeHealth health) {
        super("status",
                "uptime, bundles, plugins by kind, data folder, database",
                "usage: bl:status");
        this.health = health;
    }

    @Override
    public void run(Arguments args, PrintStream out) {
        RuntimeHealth.Status status = health.status();
        int problems = health.problems().size();
        out.println("uptime      " + format(status.uptime()));
        out.println("bundles     " + status.bundles() + " installed, " + status.activeBundles() + " active");
        out.println("plugins     " + status.pluginsByKind().get(PluginKind.PARSER) + " parsers, "
                + status.pluginsByKind().get(PluginKind.BENCHMARK) + " benchmark providers, "
                + status.pluginsByKind().get(PluginKind.DETECTOR) + " detectors");
        out.println("health      " + (problems == 0 ? "ok" : problems + " problem(s): see bl:health"));
        out.println("data        " + status.dataFolder());
        out.println("database    " + status.database());
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m " + seconds % 60 + "s";
        }
        return duration.toHours() + "h " + duration.toMinutesPart() + "m";
    }
}
