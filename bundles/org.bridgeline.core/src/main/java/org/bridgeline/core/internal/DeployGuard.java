package org.bridgeline.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.Version;

/**
 * Keeps one version of each deployed plugin. The file installer installs a second jar with the
 * same symbolic name beside the first; this guard uninstalls all but the highest version at
 * once, remembers the jars it set aside, and brings the next one back if the kept jar is deleted.
 */
final class DeployGuard implements SynchronousBundleListener {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.core.deploy");

    /** A jar in deploy/ that is not run because a higher version of the same plugin is. */
    record Superseded(Path file, String symbolicName, Version version, Version kept) {
    }

    private final BundleContext context;
    private final DeployFolder deploy;
    private final Map<Path, Superseded> superseded = new ConcurrentHashMap<>();

    DeployGuard(BundleContext context, DeployFolder deploy) {
        this.context = context;
        this.deploy = deploy;
    }

    void open() {
        context.addBundleListener(this);
        for (Bundle bundle : context.getBundles()) {
            if (deploy.contains(bundle)) {
                enforceOneVersion(bundle.getSymbolicName());
            }
        }
    }

    void close() {
        context.removeBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        if (!deploy.contains(bundle) || bundle.getSymbolicName() == null) {
            return;
        }
        switch (event.getType()) {
            case BundleEvent.INSTALLED, BundleEvent.UPDATED -> enforceOneVersion(bundle.getSymbolicName());
            case BundleEvent.UNINSTALLED -> restoreSetAside(bundle);
            default -> {
            }
        }
    }

    /** Jars set aside whose files are still in deploy/. */
    List<Superseded> superseded() {
        superseded.keySet().removeIf(file -> !Files.exists(file));
        return new ArrayList<>(superseded.values());
    }

    private synchronized void enforceOneVersion(String symbolicName) {
        List<Bundle> same = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (deploy.contains(bundle) && symbolicName.equals(bundle.getSymbolicName())
                    && bundle.getState() != Bundle.UNINSTALLED) {
                same.add(bundle);
            }
        }
        if (same.size() < 2) {
            return;
        }
        same.sort(Comparator.comparing(Bundle::getVersion).reversed());
        Bundle kept = same.get(0);
        for (Bundle other : same.subList(1, same.size())) {
            Path file = deploy.fileOf(other);
            superseded.put(file, new Superseded(file, symbolicName, other.getVersion(), kept.getVersion()));
            LOG.warning("two jars with symbolic name " + symbolicName + " in deploy/: kept " + kept.getVersion()
                    + " (" + deploy.fileOf(kept).getFileName() + "), set aside " + other.getVersion() + " ("
                    + file.getFileName() + ")");
            try {
                other.uninstall();
            } catch (BundleException | IllegalStateException e) {
                LOG.warning("could not set aside " + symbolicName + " " + other.getVersion() + ": " + e.getMessage());
            }
        }
    }

    /** When a kept jar goes, the highest jar it had superseded comes back. */
    private void restoreSetAside(Bundle removed) {
        if (deploy.fileExists(removed)) {
            return; // set aside by us, or uninstalled while its file stays: nothing to restore
        }
        superseded.values().stream()
                .filter(s -> s.symbolicName().equals(removed.getSymbolicName()) && Files.exists(s.file()))
                .max(Comparator.comparing(Superseded::version))
                .ifPresent(next -> {
                    superseded.remove(next.file());
                    LOG.info("deploy/" + removed.getSymbolicName() + " " + removed.getVersion() + " removed; bringing back "
                            + next.version() + " (" + next.file().getFileName() + ")");
                    try {
                        // a new timestamp makes the file installer see the jar again
                        Files.setLastModifiedTime(next.file(), FileTime.fromMillis(System.currentTimeMillis()));
                    } catch (IOException e) {
                        LOG.warning("could not bring back " + next.file() + ": " + e.getMessage());
                    }
                });
    }
}
