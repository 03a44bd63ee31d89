package org.bridgeline.features;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A Maven coordinate as a feature names a bundle: {@code groupId:artifactId:version}
 * (optionally {@code :type[:classifier]}). The distribution's {@code system/} folder holds
 * each artifact in the Maven repository layout, so the coordinate is also its path.
 */
public record ArtifactId(String groupId, String artifactId, String version, String type, String classifier) {

    public ArtifactId {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(version, "version");
        type = type == null || type.isEmpty() ? "jar" : type;
    }

    public static ArtifactId parse(String coordinate) {
        String[] parts = coordinate.split(":", -1);
        if (parts.length < 3 || parts.length > 5) {
            throw new IllegalArgumentException(
                    "expected groupId:artifactId:version[:type[:classifier]], found \"" + coordinate + "\"");
        }
        for (String part : parts) {
            if (part.isBlank()) {
                throw new IllegalArgumentException("empty part in artifact id \"" + coordinate + "\"");
            }
        }
        return new ArtifactId(parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : null,
                parts.length > 4 ? parts[4] : null);
    }

    /** The artifact's path under a Maven-layout repository root. */
    public Path pathIn(Path repository) {
        String fileName = artifactId + "-" + version + (classifier == null ? "" : "-" + classifier) + "." + type;
        Path folder = repository;
        for (String segment : groupId.split("\\.")) {
            folder = folder.resolve(segment);
        }
        return folder.resolve(artifactId).resolve(version).resolve(fileName);
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version + (type.equals("jar") && classifier == null ? ""
                : ":" + type + (classifier == null ? "" : ":" + classifier));
    }
}
