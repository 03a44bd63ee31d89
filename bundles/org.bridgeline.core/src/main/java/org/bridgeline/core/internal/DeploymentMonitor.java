package org.bridgeline.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.bridgeline.core.PluginInfo;
import org.bridgeline.core.PluginKind;
import org.bridgeline.core.PluginState;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * Watches the bundles that come from deploy/: logs every install, update, removal and failure
 * with its reason, keeps one version per plugin, and tells the registry which deployed bundles
 * do not run and why.
 */
@Component(service = DeploymentMonitor.class, immediate = true)
public final class DeploymentMonitor implements BundleListener {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.core.deploy");
    /** Long enough for the file installer to start what it installed and for components to activate. */
    private static final long SETTLE_MILLIS = 400;

    private final BundleContext context;
    private final DeployFolder deploy;
    private final BundleDiagnostics diagnostics;
    private final DeployGuard guard;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bridgeline-deploy-check");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public DeploymentMonitor(BundleContext context, @Reference ServiceComponentRuntime scr) {
        this.context = context;
        this.deploy = new DeployFolder(context);
        this.diagnostics = new BundleDiagnostics(context, scr);
        this.guard = new DeployGuard(context, deploy);
        guard.open();
        context.addBundleListener(this);
        for (Bundle bundle : context.getBundles()) {
            if (deploy.contains(bundle)) {
                checks.schedule(() -> reportIfFailing(bundle), SETTLE_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
        guard.close();
        checks.shutdownNow();
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        if (!deploy.contains(bundle)) {
            return;
        }
        String name = bundle.getSymbolicName() + " " + bundle.getVersion() + " (" + deploy.fileOf(bundle).getFileName() + ")";
        switch (event.getType()) {
            case BundleEvent.INSTALLED -> LOG.info("plugin installed: " + name);
            case BundleEvent.UPDATED -> LOG.info("plugin updated: " + name);
            case BundleEvent.UNINSTALLED -> LOG.info("plugin removed: " + name);
            case BundleEvent.STARTED -> LOG.info("plugin started: " + name);
            default -> {
                return;
            }
        }
        if (event.getType() != BundleEvent.UNINSTALLED) {
            checks.schedule(() -> reportIfFailing(bundle), SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void reportIfFailing(Bundle bundle) {
        if (bundle.getState() == Bundle.UNINSTALLED || guard.isParked(bundle)) {
            return;
        }
        PluginInfo problem = problemOf(bundle);
        if (problem != null) {
            LOG.warning("plugin failed: " + bundle.getSymbolicName() + " " + bundle.getVersion() + ": " + problem.problem());
        }
    }

    /** Deployed bundles that do not run as they should, and jars set aside for a higher version. */
    List<PluginInfo> problems() {
        List<PluginInfo> rows = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (deploy.contains(bundle) && guard.isParked(bundle)) {
                String kept = guard.keptVersion(bundle.getSymbolicName()).map(Object::toString).orElse("?");
                rows.add(new PluginInfo(PluginKind.BUNDLE, bundle.getSymbolicName(), bundle.getVersion().toString(),
                        bundle.getSymbolicName(), bundle.getBundleId(), PluginState.SUPERSEDED, deploy.fileOf(bundle).getFileName().toString(),
                        "superseded by version " + kept + "; " + deploy.fileOf(bundle).getFileName() + " is not run"));
            } else if (deploy.contains(bundle)) {
                PluginInfo problem = problemOf(bundle);
                if (problem != null) {
                    rows.add(problem);
                }
            }
        }
        rows.addAll(rejectedJars());
        return rows;
    }

    /**
     * Jars in deploy/ that the file installer could not install: it only logs them, so the
     * registry says why. A jar still being written (changed in the last second) is left alone.
     */
    private List<PluginInfo> rejectedJars() {
        List<PluginInfo> rows = new ArrayList<>();
        if (deploy.path() == null || !Files.isDirectory(deploy.path())) {
            return rows;
        }
        try (Stream<Path> files = Files.list(deploy.path())) {
            for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                if (context.getBundle(DeployFolder.locationOf(jar)) != null
                        || Files.getLastModifiedTime(jar).toMillis() > System.currentTimeMillis() - 1000) {
                    continue;
                }
                String name = jar.getFileName().toString();
                rows.add(new PluginInfo(PluginKind.BUNDLE, name, "?", "?", -1, PluginState.REJECTED, name,
                        JarCheck.whyNotABundle(jar)));
            }
        } catch (IOException e) {
            LOG.warning("cannot list " + deploy.path() + ": " + e.getMessage());
        }
        return rows;
    }

    /** Why a bundle (from anywhere) does not run as it should, or {@code null}. */
    PluginInfo problemOf(Bundle bundle) {
        String version = bundle.getVersion().toString();
        String name = bundle.getSymbolicName();
        String file = deploy.contains(bundle) ? deploy.fileOf(bundle).getFileName().toString() : bundle.getLocation();
        if (bundle.getState() == Bundle.INSTALLED) {
            return new PluginInfo(PluginKind.BUNDLE, name, version, name, bundle.getBundleId(), PluginState.UNRESOLVED,
                    file, diagnostics.unresolvedReason(bundle));
        }
        boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
        if (!fragment && bundle.getState() == Bundle.RESOLVED) {
            return new PluginInfo(PluginKind.BUNDLE, name, version, name, bundle.getBundleId(), PluginState.STOPPED,
                    file, "resolved but not started");
        }
        if (bundle.getState() != Bundle.ACTIVE) {
            return null;
        }
        List<BundleDiagnostics.ComponentProblem> components = diagnostics.componentProblems(bundle);
        if (components.isEmpty()) {
            return null;
        }
        BundleDiagnostics.ComponentProblem first = components.get(0);
        return new PluginInfo(PluginKind.BUNDLE, name, version, name, bundle.getBundleId(), PluginState.FAILED, file,
                "component " + first.component() + " " + first.reason());
    }

    BundleDiagnostics diagnostics() {
        return diagnostics;
    }

    DeployFolder deployFolder() {
        return deploy;
    }
}
