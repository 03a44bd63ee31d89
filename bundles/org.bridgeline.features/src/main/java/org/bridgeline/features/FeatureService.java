package org.bridgeline.features;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Lists, installs and uninstalls features in the running runtime. */
@ProviderType
public interface FeatureService {

    /** A feature and whether it is installed. */
    record FeatureStatus(Feature feature, boolean installed) {
    }

    /** Every feature the distribution ships, by name. */
    List<FeatureStatus> features() throws FeatureException;

    /** Installs the named feature's bundles and configurations and starts them; returns the feature. */
    Feature install(String name) throws FeatureException;

    /** Uninstalls the named feature's bundles (unless another installed feature holds them) and configurations. */
    Feature uninstall(String name) throws FeatureException;
}
