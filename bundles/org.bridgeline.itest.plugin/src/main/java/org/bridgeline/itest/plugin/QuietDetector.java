package org.bridgeline.itest.plugin;

import java.util.List;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.model.Finding;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * A detector that finds nothing. Its description comes from configuration
 * {@code org.bridgeline.itest.quiet}, so tests can see a {@code conf/*.cfg} change arrive live.
 */
@Component(configurationPid = "org.bridgeline.itest.quiet")
public final class QuietDetector implements AnomalyDetector {

    /** The detector's configuration. */
    public @interface Config {
        String label() default "finds nothing; proves a deployed detector registers";
    }

    private final String label;

    @Activate
    public QuietDetector(Config config) {
        this.label = config.label();
    }

    @Override
    public String id() {
        return "itest-quiet";
    }

    @Override
    public String description() {
        return label;
    }

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        return List.of();
    }
}
