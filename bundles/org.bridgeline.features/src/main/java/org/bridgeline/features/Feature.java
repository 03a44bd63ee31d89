package org.bridgeline.features;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One feature, as read from its descriptor.
 *
 * @param id             the feature's coordinate, for example {@code org.bridgeline:base:1.0.0}
 * @param name           human name
 * @param description    what it adds to the runtime
 * @param bundles        its bundles, in start order
 * @param configurations configuration PID (or {@code factoryPid~name}) to properties
 * @param source         the descriptor file it was read from
 */
public record Feature(ArtifactId id, String name, String description, List<ArtifactId> bundles,
        Map<String, Map<String, Object>> configurations, String source) {

    public Feature {
        Objects.requireNonNull(id, "id");
        bundles = List.copyOf(bundles);
        configurations = Map.copyOf(configurations);
    }

    /** The short name an operator types: the artifact id of the feature's coordinate. */
    public String shortName() {
        return id.artifactId();
    }

    /** Whether an operator's word names this feature: its short name or its full id. */
    public boolean isNamed(String word) {
        return shortName().equals(word) || id.toString().equals(word);
    }
}
