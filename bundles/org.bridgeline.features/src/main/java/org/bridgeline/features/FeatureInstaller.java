package org.bridgeline.features;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Installs and uninstalls the bundles of features from the distribution's {@code system/}
 * repository. The launcher uses it at boot with the system bundle's context; the feature
 * service uses it at run time. Bundles are installed by reference (not copied into the cache)
 * and identified by location, so installing a feature twice, or two features that share a
 * bundle, installs each bundle once.
 */
public final class FeatureInstaller {

    /** The start level of every feature bundle; deployed plugins sit above it. */
    public static final int RUNTIME_START_LEVEL = 1;

    private static final String INSTALLED_JARS = "installed-jars.properties";

    private final BundleContext context;
    private final Path repository;
    private Properties installedJars;

    public FeatureInstaller(BundleContext context, Path repository) {
        this.context = context;
        this.repository = repository;
    }

    /** The location a feature's bundle is installed under. */
    public String locationOf(ArtifactId bundle) {
        return "reference:" + bundle.pathIn(repository).toAbsolutePath().normalize().toUri();
    }

    /** Installs every bundle of the feature not installed yet; returns all of its bundles. */
    public List<Bundle> install(Feature feature) throws FeatureException {
        List<Bundle> bundles = new ArrayList<>();
        Properties installedJars = installedJars();
        boolean recordChanged = false;
        for (ArtifactId artifact : feature.bundles()) {
            Path jar = artifact.pathIn(repository);
            if (!Files.isRegularFile(jar)) {
                throw new FeatureException("feature " + feature.shortName() + ": bundle " + artifact
                        + " is not in the distribution (expected " + jar + ")");
            }
            try {
                Bundle bundle = context.installBundle(locationOf(artifact));
                // the runtime's own bundles start first; deployed plugins come at the initial level above
                BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
                if (level.getStartLevel() != RUNTIME_START_LEVEL) {
                    level.setStartLevel(RUNTIME_START_LEVEL);
                }
                // installed by reference: a jar replaced in system/ (an upgrade) is read afresh, which also drops
                // what was derived from the old one (wiring, extracted native code, Declarative Services' cached
                // components). Replaced means another size or time than when it was installed, not only a newer
                // time: an unpacked upgrade keeps its build's times, which may be older than this installation.
                String seen = jarRecord(jar);
                String recorded = installedJars.getProperty(bundle.getLocation());
                boolean replaced = recorded == null
                        ? Files.getLastModifiedTime(jar).toMillis() > bundle.getLastModified() // installed before the record
                        : !recorded.equals(seen);
                if (replaced) {
                    bundle.update();
                }
                if (!seen.equals(recorded)) {
                    installedJars.setProperty(bundle.getLocation(), seen);
                    recordChanged = true;
                }
                bundles.add(bundle);
            } catch (java.io.IOException e) {
                throw new FeatureException("feature " + feature.shortName() + ": cannot read " + jar + ": " + e.getMessage(), e);
            } catch (BundleException e) {
                throw new FeatureException("feature " + feature.shortName() + ": cannot install " + artifact + ": "
                        + e.getMessage(), e);
            }
        }
        if (recordChanged) {
            writeInstalledJars(installedJars);
        }
        return bundles;
    }

    /** A jar as installed: its size and time, which an upgrade that replaces it changes. */
    private static String jarRecord(Path jar) throws java.io.IOException {
        return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
    }

    /** The record of installed jars, in the framework's own storage (so a cleaned bundle cache forgets it too). */
    private Path installedJarsFile() {
        java.io.File file = context.getBundle(Constants.SYSTEM_BUNDLE_ID).getBundleContext().getDataFile(INSTALLED_JARS);
        return file == null ? null : file.toPath();
    }

    /** The record, read once per installer: the launcher's at boot, then the feature service's, one after the other. */
    private synchronized Properties installedJars() {
        if (installedJars == null) {
            installedJars = readInstalledJars();
        }
        return installedJars;
    }

    private Properties readInstalledJars() {
        Properties record = new Properties();
        Path file = installedJarsFile();
        if (file != null && Files.isRegularFile(file)) {
            synchronized (FeatureInstaller.class) {
                try (var in = Files.newInputStream(file)) {
                    record.load(in);
                } catch (java.io.IOException | IllegalArgumentException e) {
                    // an unreadable record only means every jar is judged by its time again, as before there was one
                    record.clear();
                }
            }
        }
        return record;
    }

    private void writeInstalledJars(Properties record) throws FeatureException {
        Path file = installedJarsFile();
        if (file == null) {
            return;
        }
        synchronized (FeatureInstaller.class) {
            try {
                Files.createDirectories(file.getParent());
                Path written = file.resolveSibling(file.getFileName() + ".tmp");
                try (var out = Files.newOutputStream(written)) {
                    record.store(out, "system/ jars as installed: size and modification time");
                }
                Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.io.IOException e) {
                throw new FeatureException("cannot record the installed bundles in " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Starts every bundle that is not a fragment. A bundle that fails does not stop the others;
     * the returned list says which failed and why, one line each.
     */
    public List<String> start(List<Bundle> bundles) {
        List<String> failures = new ArrayList<>();
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null || bundle.getState() == Bundle.ACTIVE) {
                continue;
            }
            try {
                bundle.start();
            } catch (BundleException | IllegalStateException e) {
                failures.add(bundle.getSymbolicName() + ": " + e.getMessage());
            }
        }
        return failures;
    }

    /**
     * Uninstalls the feature's bundles that no feature in {@code remaining} also holds, then
     * refreshes the framework so nothing stays wired to them.
     */
    public List<Bundle> uninstall(Feature feature, Collection<Feature> remaining) throws FeatureException {
        Set<String> kept = new HashSet<>();
        for (Feature other : remaining) {
            for (ArtifactId artifact : other.bundles()) {
                kept.add(locationOf(artifact));
            }
        }
        List<Bundle> removed = new ArrayList<>();
        List<ArtifactId> reversed = new ArrayList<>(feature.bundles());
        java.util.Collections.reverse(reversed);
        for (ArtifactId artifact : reversed) {
            String location = locationOf(artifact);
            Bundle bundle = context.getBundle(location);
            if (bundle == null || kept.contains(location)) {
                continue;
            }
            try {
                bundle.uninstall();
                removed.add(bundle);
            } catch (BundleException e) {
                throw new FeatureException("feature " + feature.shortName() + ": cannot uninstall "
                        + bundle.getSymbolicName() + ": " + e.getMessage(), e);
            }
        }
        if (!removed.isEmpty()) {
            context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).refreshBundles(removed);
        }
        return removed;
    }

    /**
     * The first bundle outside the feature that is wired to one of the feature's bundles, said
     * as an operator reads it, or {@code null} when uninstalling the feature breaks nothing.
     */
    public String firstDependent(Feature feature, Collection<Feature> remaining) {
        Set<String> leaving = new java.util.LinkedHashSet<>(); // in the feature's order: the answer is stable
        for (ArtifactId artifact : feature.bundles()) {
            leaving.add(locationOf(artifact));
        }
        Set<String> kept = new HashSet<>();
        for (Feature other : remaining) {
            other.bundles().forEach(artifact -> kept.add(locationOf(artifact)));
        }
        leaving.removeAll(kept);
        for (String location : leaving) {
            Bundle bundle = context.getBundle(location);
            BundleWiring wiring = bundle == null ? null : bundle.adapt(BundleWiring.class);
            if (wiring == null) {
                continue;
            }
            List<BundleWire> wires = new ArrayList<>(wiring.getProvidedWires(null));
            wires.sort(java.util.Comparator.comparingLong(wire -> wire.getRequirer().getBundle().getBundleId()));
            for (BundleWire wire : wires) {
                Bundle requirer = wire.getRequirer().getBundle();
                if (!leaving.contains(requirer.getLocation()) && requirer.getBundleId() != 0) {
                    String owner = remaining.stream().filter(f -> f.bundles().stream()
                            .anyMatch(a -> locationOf(a).equals(requirer.getLocation()))).map(Feature::shortName)
                            .findFirst().map(name -> " (feature " + name + ")").orElse("");
                    Object what = wire.getCapability().getAttributes().get(wire.getCapability().getNamespace());
                    return requirer.getSymbolicName() + owner + " uses " + what + " from " + bundle.getSymbolicName()
                            + "; uninstall that first";
                }
            }
        }
        return null;
    }

    /** Whether every bundle of the feature is installed. */
    public boolean isInstalled(Feature feature) {
        for (ArtifactId artifact : feature.bundles()) {
            if (context.getBundle(locationOf(artifact)) == null) {
                return false;
            }
        }
        return true;
    }
}
