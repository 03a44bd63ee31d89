package org.bridgeline.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.Version;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * Keeps one version of each deployed plugin running. The file installer installs a second jar
 * with the same symbolic name beside the first; this guard parks every version but the highest
 * at a start level the framework never reaches, so it cannot start. The file installer still
 * owns the jars (a parked jar that is deleted is uninstalled as usual), and when the running
 * version goes, the highest parked one is released and starts.
 *
 * <p>Parking and releasing go through the framework's start-level queue in order, so an old
 * version is stopped before a new one starts: never both at once.
 */
final class DeployGuard implements SynchronousBundleListener {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.core.deploy");
    /** A start level no runtime reaches: a bundle parked there cannot start. */
    static final int PARKED = 1000;

    private final BundleContext context;
    private final DeployFolder deploy;

    DeployGuard(BundleContext context, DeployFolder deploy) {
        this.context = context;
        this.deploy = deploy;
    }

    void open() {
        context.addBundleListener(this);
        deployedBundles().stream().map(Bundle::getSymbolicName).distinct().forEach(this::enforceOneVersion);
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
            // before the file installer starts the new bundle
            case BundleEvent.INSTALLED, BundleEvent.UPDATED, BundleEvent.UNINSTALLED ->
                enforceOneVersion(bundle.getSymbolicName());
            default -> {
            }
        }
    }

    /** Whether a deployed bundle is parked because a higher version of it runs. */
    boolean isParked(Bundle bundle) {
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        return level != null && level.getStartLevel() >= PARKED;
    }

    /** The version that runs in place of a parked bundle. */
    Optional<Version> keptVersion(String symbolicName) {
        return group(symbolicName).stream().findFirst().map(Bundle::getVersion);
    }

    private synchronized void enforceOneVersion(String symbolicName) {
        List<Bundle> same = group(symbolicName);
        if (same.isEmpty()) {
            return;
        }
        Bundle kept = same.get(0);
        List<Bundle> others = same.subList(1, same.size());
        boolean keptWasParked = isParked(kept);
        if (!others.isEmpty() && kept.getState() != Bundle.ACTIVE) {
            park(kept); // held until the others have stopped
        }
        for (Bundle other : others) {
            if (!isParked(other)) {
                LOG.warning("two jars with symbolic name " + symbolicName + " in deploy/: kept " + kept.getVersion()
                        + " (" + fileName(kept) + "), set aside " + other.getVersion() + " (" + fileName(other) + ")");
                park(other);
            }
        }
        if (isParked(kept)) {
            if (keptWasParked) {
                LOG.info("deploy/: " + symbolicName + " " + kept.getVersion() + " (" + fileName(kept)
                        + ") is now the highest version and starts");
            }
            release(kept);
        }
    }

    /** The deployed bundles with this symbolic name, highest version first. */
    private List<Bundle> group(String symbolicName) {
        List<Bundle> same = new ArrayList<>();
        for (Bundle bundle : deployedBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                same.add(bundle);
            }
        }
        same.sort(Comparator.comparing(Bundle::getVersion).reversed());
        return same;
    }

    private List<Bundle> deployedBundles() {
        List<Bundle> bundles = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (deploy.contains(bundle) && bundle.getState() != Bundle.UNINSTALLED && bundle.getSymbolicName() != null) {
                bundles.add(bundle);
            }
        }
        return bundles;
    }

    private static void park(Bundle bundle) {
        try {
            bundle.adapt(BundleStartLevel.class).setStartLevel(PARKED);
        } catch (IllegalStateException e) {
            // uninstalled meanwhile: nothing to park
        }
    }

    private void release(Bundle bundle) {
        try {
            // back to the level every deployed bundle gets at install
            int level = context.getBundle(0).adapt(FrameworkStartLevel.class).getInitialBundleStartLevel();
            bundle.adapt(BundleStartLevel.class).setStartLevel(level);
        } catch (IllegalStateException e) {
            // uninstalled meanwhile: nothing to release
        }
    }

    private String fileName(Bundle bundle) {
        return deploy.fileOf(bundle).getFileName().toString();
    }
}
