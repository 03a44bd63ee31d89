package org.bridgeline.console.internal;

import org.bridgeline.console.ConsoleCommand;
import org.bridgeline.features.Feature;
import org.bridgeline.features.FeatureException;
import org.bridgeline.features.FeatureService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

@Component(service = ConsoleCommand.class)
public final class FeatureUninstallCommand extends FeatureChangeCommand {

    private final FeatureService features;

    @Activate
    public FeatureUninstallCommand(@Reference FeatureService features) {
        super("feature-uninstall", "uninstall a feature: its bundles (unless another feature holds them) and configurations", "uninstalled");
        this.features = features;
    }

    @Override
    Feature change(String feature) throws FeatureException {
        return features.uninstall(feature);
    }
}
