package org.bridgeline.console.internal;

import org.bridgeline.console.Arguments;
import org.bridgeline.console.CommandException;
import java.io.PrintStream;
import java.util.List;
import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.core.RuntimeHealth;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class)
public final class HealthCommand extends BlCommand {

    private final RuntimeHealth health;

    @Activate
    public HealthCommand(@Reference RuntimeHealth health) {
        super("health",
                "inactive bundles and unsatisfied components, each with its root cause",
                "usage: bl:health\n  prints \"ok\" when every bundle is active and every component satisfied; else each problem,"
                        + " and the exit status is 1 (as GET /api/v1/health answers 503)");
        this.health = health;
    }

    @Override
    public void run(Arguments args, PrintStream out) {
        List<RuntimeHealth.Problem> problems = health.problems();
        if (problems.isEmpty()) {
            out.println("ok: every bundle active, every component satisfied");
            return;
        }
        Table table = new Table("BUNDLE", "COMPONENT", "REASON");
        for (RuntimeHealth.Problem problem : problems) {
            table.row(problem.bundle(), problem.component() == null ? "" : problem.component(), problem.reason());
        }
        table.print(out);
        throw new CommandException(problems.size() + (problems.size() == 1 ? " problem" : " problems") + ": the runtime is not healthy");
    }
}
