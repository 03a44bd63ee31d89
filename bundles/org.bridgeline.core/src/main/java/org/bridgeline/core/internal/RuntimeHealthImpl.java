package org.bridgeline.core.internal;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bridgeline.core.PluginInfo;
import org.bridgeline.core.PluginKind;
import org.bridgeline.core.PluginRegistry;
import org.bridgeline.core.PluginState;
import org.bridgeline.core.HealthCheck;
import org.bridgeline.core.RuntimeHealth;
import org.bridgeline.store.ImportStore;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Status and health of the whole runtime, for {@code bl:status} and {@code bl:health}. */
@Component(service = RuntimeHealth.class)
public final class RuntimeHealthImpl implements RuntimeHealth {

    private final BundleContext context;
    private final PluginRegistry registry;
    private final DeploymentMonitor deployments;
    private volatile ImportStore store;
    private final List<Check> checks = new CopyOnWriteArrayList<>();

    /** A feature's own check, with the bundle its problems are reported under. */
    private record Check(HealthCheck check, Bundle bundle, String name) {
    }

    @Activate
    public RuntimeHealthImpl(BundleContext context, @Reference PluginRegistry registry,
            @Reference DeploymentMonitor deployments) {
        this.context = context;
        this.registry = registry;
        this.deployments = deployments;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setStore(ImportStore store) {
        this.store = store;
    }

    void unsetStore(ImportStore store) {
        if (this.store == store) {
            this.store = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCheck(HealthCheck check, ServiceReference<HealthCheck> reference) {
        Object component = reference.getProperty("component.name");
        checks.add(new Check(check, reference.getBundle(), component == null ? check.getClass().getName() : component.toString()));
    }

    void removeCheck(HealthCheck check) {
        checks.removeIf(known -> known.check() == check);
    }

    @Override
    public Status status() {
        Bundle[] bundles = context.getBundles();
        int active = 0;
        for (Bundle bundle : bundles) {
            if (bundle.getState() == Bundle.ACTIVE || isFragment(bundle) && bundle.getState() == Bundle.RESOLVED) {
                active++;
            }
        }
        Map<PluginKind, Integer> byKind = new EnumMap<>(PluginKind.class);
        for (PluginKind kind : List.of(PluginKind.PARSER, PluginKind.BENCHMARK, PluginKind.DETECTOR)) {
            byKind.put(kind, 0);
        }
        for (PluginInfo plugin : registry.plugins()) {
            if (plugin.state() == PluginState.ACTIVE) {
                byKind.merge(plugin.kind(), 1, Integer::sum);
            }
        }
        String data = context.getProperty("bridgeline.data");
        return new Status(uptime(), bundles.length, active, byKind,
                data == null ? "(not set)" : Path.of(data).toAbsolutePath().normalize().toString(),
                store == null ? "none (install the store feature: bl:feature-install store)" : store.description());
    }

    private Duration uptime() {
        String started = context.getProperty("bridgeline.started");
        long since = started == null ? ManagementFactory.getRuntimeMXBean().getStartTime() : Long.parseLong(started);
        return Duration.ofMillis(Math.max(0, System.currentTimeMillis() - since));
    }

    @Override
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName() + " " + bundle.getVersion();
            if (bundle.getState() == Bundle.INSTALLED) {
                problems.add(new Problem(name, null, deployments.diagnostics().unresolvedReason(bundle)));
            } else if (bundle.getState() == Bundle.RESOLVED && !isFragment(bundle)) {
                problems.add(new Problem(name, null, "resolved but not started"));
            } else if (bundle.getState() == Bundle.ACTIVE) {
                for (BundleDiagnostics.ComponentProblem component : deployments.diagnostics().componentProblems(bundle)) {
                    problems.add(new Problem(name, component.component(), component.reason()));
                }
            }
        }
        // plugins of active bundles that failed on their own: a rejected profile, a parser that cannot describe itself
        for (PluginInfo plugin : registry.plugins()) {
            if (plugin.state() == PluginState.FAILED && plugin.kind() != PluginKind.BUNDLE) {
                problems.add(new Problem(plugin.bundle() + " " + plugin.version(), plugin.kind().name().toLowerCase() + " " + plugin.id(),
                        plugin.problem()));
            }
        }
        for (Check check : checks) {
            String bundle = check.bundle() == null ? "(unregistered)" : check.bundle().getSymbolicName() + " " + check.bundle().getVersion();
            try {
                for (String problem : check.check().problems()) {
                    problems.add(new Problem(bundle, check.name(), problem));
                }
            } catch (RuntimeException e) {
                problems.add(new Problem(bundle, check.name(), "its health check failed: " + e));
            }
        }
        return problems;
    }

    private static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }
}
