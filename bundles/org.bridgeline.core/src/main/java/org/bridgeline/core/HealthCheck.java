package org.bridgeline.core;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a feature knows about its own health that bundle and component states cannot show, such as a server that is
 * not listening: a whiteboard service, whose problems {@link RuntimeHealth#problems()} reports under the registering
 * bundle. Called on every health question (bl:health, {@code GET /api/v1/health}): it must answer in milliseconds.
 */
@ConsumerType
public interface HealthCheck {

    /** What is wrong now, one line each with its cause and where to mend it; empty when well. */
    List<String> problems();
}
