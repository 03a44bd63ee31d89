package org.bridgeline.itest.plugin;

import java.util.List;
import org.bridgeline.api.detect.AnomalyDetector;
import org.bridgeline.api.detect.BookOfBusiness;
import org.bridgeline.api.model.Finding;
import org.osgi.service.component.annotations.Component;

/** A detector that finds nothing: the tests only need it to register and go. */
@Component
public final class QuietDetector implements AnomalyDetector {

    @Override
    public String id() {
        return "itest-quiet";
    }

    @Override
    public String description() {
        return "finds nothing; proves a deployed detector registers";
    }

    @Override
    public List<Finding> detect(BookOfBusiness book) {
        return List.of();
    }
}
