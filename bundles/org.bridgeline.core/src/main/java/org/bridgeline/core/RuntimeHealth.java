package org.bridgeline.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** What an operator asks of a running runtime: is it well, and if not, why. */
@ProviderType
public interface RuntimeHealth {

    /**
     * @param uptime          time since the framework started
     * @param bundles         installed bundles, the system bundle included
     * @param activeBundles   bundles in the ACTIVE state (fragments count as active when resolved)
     * @param pluginsByKind   active plugins per kind
     * @param dataFolder      where the runtime keeps its data
     * @param database        the store in use, or a line saying none is configured
     */
    record Status(Duration uptime, int bundles, int activeBundles, Map<PluginKind, Integer> pluginsByKind,
            String dataFolder, String database) {
    }

    /**
     * One thing that is not well.
     *
     * @param bundle    the bundle's symbolic name and version
     * @param component the component concerned, or {@code null} for a bundle-level problem
     * @param reason    one line: the leaf cause first
     */
    record Problem(String bundle, String component, String reason) {
    }

    Status status();

    /** Inactive bundles and unsatisfied or failed components, each with its root cause; empty when healthy. */
    List<Problem> problems();
}
