package org.bridgeline.features.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bridgeline.features.Feature;
import org.bridgeline.features.FeatureException;
import org.bridgeline.features.FeatureInstaller;
import org.bridgeline.features.FeatureReader;
import org.bridgeline.features.FeatureService;
import org.bridgeline.features.FeatureState;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The run-time side of features: applies the configurations of installed features, and installs
 * or uninstalls features for the console. The launcher installs the boot features' bundles
 * before this component exists; it then adds their configurations.
 */
@Component(service = FeatureService.class, immediate = true)
public final class FeatureManager implements FeatureService {

    /** Configurations the file installer manages carry this property; an operator's file wins over a feature. */
    private static final String FILEINSTALL_FILENAME = "felix.fileinstall.filename";
    private static final String FROM_FEATURE = "bridgeline.feature";
    private static final Logger LOG = Logger.getLogger("org.bridgeline.features");

    private final BundleContext context;
    private final ConfigurationAdmin configurationAdmin;
    private final FeatureReader reader;
    private final FeatureInstaller installer;
    private final FeatureState state;
    private final Path featuresFolder;
    private final List<String> bootFeatures;
    private final List<String> essentialFeatures;

    @Activate
    public FeatureManager(BundleContext context, @Reference ConfigurationAdmin configurationAdmin) {
        this.context = context;
        this.configurationAdmin = configurationAdmin;
        Path home = Path.of(property(context, "bridgeline.home", "."));
        Path data = Path.of(property(context, "bridgeline.data", home.resolve("data").toString()));
        this.reader = new FeatureReader(context::getProperty);
        this.installer = new FeatureInstaller(context, home.resolve("system"));
        this.state = new FeatureState(data.resolve("features.state"));
        this.featuresFolder = home.resolve("features");
        this.bootFeatures = names(property(context, "bridgeline.features", ""));
        this.essentialFeatures = names(property(context, "bridgeline.features.essential", "base,core,console"));
        applyConfigurationsOfInstalledFeatures();
    }

    private void applyConfigurationsOfInstalledFeatures() {
        try {
            for (FeatureStatus status : features()) {
                if (status.installed()) {
                    applyConfigurations(status.feature());
                }
            }
        } catch (FeatureException e) {
            LOG.warning("features: " + e.getMessage());
        }
    }

    @Override
    public synchronized List<FeatureStatus> features() throws FeatureException {
        List<FeatureStatus> statuses = new ArrayList<>();
        for (Feature feature : reader.readFolder(featuresFolder)) {
            statuses.add(new FeatureStatus(feature, installer.isInstalled(feature)));
        }
        return statuses;
    }

    @Override
    public synchronized Feature install(String name) throws FeatureException {
        Feature feature = find(name);
        List<Bundle> bundles = installer.install(feature);
        applyConfigurations(feature);
        List<String> failures = installer.start(bundles);
        record(feature, true);
        if (!failures.isEmpty()) {
            throw new FeatureException("feature " + feature.shortName() + " installed, but bundles failed to start: "
                    + String.join("; ", failures));
        }
        LOG.info("feature installed: " + feature.id());
        return feature;
    }

    @Override
    public synchronized Feature uninstall(String name) throws FeatureException {
        Feature feature = find(name);
        if (essentialFeatures.contains(feature.shortName())) {
            throw new FeatureException("feature " + feature.shortName() + " is essential (bridgeline.features.essential in"
                    + " conf/bridgeline.properties): without it the console could not install features again");
        }
        if (!installer.isInstalled(feature)) {
            throw new FeatureException("feature " + feature.shortName() + " is not installed");
        }
        List<Feature> remaining = new ArrayList<>();
        for (FeatureStatus status : features()) {
            if (status.installed() && !status.feature().equals(feature)) {
                remaining.add(status.feature());
            }
        }
        String dependent = installer.firstDependent(feature, remaining);
        if (dependent != null) {
            throw new FeatureException("feature " + feature.shortName() + " is still needed: " + dependent);
        }
        removeConfigurations(feature);
        record(feature, false);
        installer.uninstall(feature, remaining);
        LOG.info("feature uninstalled: " + feature.id());
        return feature;
    }

    private Feature find(String name) throws FeatureException {
        List<FeatureStatus> all = features();
        for (FeatureStatus status : all) {
            if (status.feature().isNamed(name)) {
                return status.feature();
            }
        }
        throw new FeatureException("no feature named \"" + name + "\"; the distribution has: "
                + String.join(", ", all.stream().map(s -> s.feature().shortName()).toList()));
    }

    private void record(Feature feature, boolean installed) throws FeatureException {
        try {
            Set<String> names = state.load(bootFeatures);
            if (installed) {
                names.add(feature.shortName());
            } else {
                names.remove(feature.shortName());
            }
            state.save(names);
        } catch (IOException e) {
            throw new FeatureException("cannot record installed features: " + e.getMessage(), e);
        }
    }

    private void applyConfigurations(Feature feature) {
        for (Map.Entry<String, Map<String, Object>> entry : feature.configurations().entrySet()) {
            try {
                Configuration configuration = configuration(entry.getKey());
                if (configuration.getProperties() != null) {
                    continue; // already there: an operator's file or an earlier start; never overwrite it
                }
                Dictionary<String, Object> properties = new Hashtable<>(entry.getValue());
                properties.put(FROM_FEATURE, feature.shortName());
                configuration.update(properties);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "feature " + feature.shortName() + ": configuration " + entry.getKey()
                        + " not applied: " + e.getMessage());
            }
        }
    }

    private void removeConfigurations(Feature feature) {
        for (String pid : feature.configurations().keySet()) {
            try {
                Configuration configuration = configuration(pid);
                Dictionary<String, Object> properties = configuration.getProperties();
                if (properties != null && properties.get(FILEINSTALL_FILENAME) == null
                        && feature.shortName().equals(properties.get(FROM_FEATURE))) {
                    configuration.delete();
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "feature " + feature.shortName() + ": configuration " + pid
                        + " not removed: " + e.getMessage());
            }
        }
    }

    private Configuration configuration(String pid) throws IOException {
        int tilde = pid.indexOf('~');
        return tilde < 0 ? configurationAdmin.getConfiguration(pid, "?")
                : configurationAdmin.getFactoryConfiguration(pid.substring(0, tilde), pid.substring(tilde + 1), "?");
    }

    private static List<String> names(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    private static String property(BundleContext context, String name, String fallback) {
        String value = context.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
