package org.bridgeline.console.internal;

import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.features.Feature;
import org.bridgeline.features.FeatureException;
import org.bridgeline.features.FeatureService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class)
public final class FeatureInstallCommand extends FeatureChangeCommand {

    private final FeatureService features;

    @Activate
    public FeatureInstallCommand(@Reference FeatureService features) {
        super("feature-install", "install a feature's bundles and configurations, now and at every start", "installed");
        this.features = features;
    }

    @Override
    Feature change(String feature) throws FeatureException {
        return features.install(feature);
    }
}
