package org.bridgeline.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureReaderTest {

    @TempDir
    Path folder;

    private final FeatureReader reader = new FeatureReader(Map.of("bridgeline.home", "/opt/bl")::get);

    @Test
    void readsBundlesAndConfigurationsWithVariables() throws Exception {
        Path file = Files.writeString(folder.resolve("base.json"), """
                {
                  "feature-resource-version": "1.0",
                  "id": "org.bridgeline.features:base:1.0.0",
                  "name": "Base",
                  "bundles": [
                    "org.apache.felix:org.apache.felix.scr:2.2.12",
                    { "id": "org.apache.felix:org.apache.felix.fileinstall:3.7.4", "start-order": 2 }
                  ],
                  "configurations": {
                    "org.apache.felix.fileinstall~conf": {
                      "felix.fileinstall.dir": "${bridgeline.home}/conf",
                      "felix.fileinstall.poll": 250,
                      "felix.fileinstall.noInitialDelay": true,
                      "tags": ["a", "${missing}"]
                    }
                  }
                }
                """);
        Feature feature = reader.read(file);
        assertEquals("base", feature.shortName());
        assertEquals("org.apache.felix:org.apache.felix.fileinstall:3.7.4", feature.bundles().get(1).toString());
        Map<String, Object> config = feature.configurations().get("org.apache.felix.fileinstall~conf");
        assertEquals("/opt/bl/conf", config.get("felix.fileinstall.dir"));
        assertEquals(250L, config.get("felix.fileinstall.poll"));
        assertEquals(true, config.get("felix.fileinstall.noInitialDelay"));
        assertArrayEquals(new String[] {"a", "${missing}"}, (String[]) config.get("tags"));
    }

    @Test
    void mapsCoordinatesOntoTheRepositoryLayout() {
        assertEquals(Path.of("system/org/apache/felix/org.apache.felix.scr/2.2.12/org.apache.felix.scr-2.2.12.jar"),
                ArtifactId.parse("org.apache.felix:org.apache.felix.scr:2.2.12").pathIn(Path.of("system")));
    }

    @Test
    void badDescriptorsSayWhereAndWhat() throws Exception {
        Path noId = Files.writeString(folder.resolve("x.json"), "{\"bundles\": []}");
        assertEquals("x.json: field \"id\": expected a string, found nothing",
                assertThrows(FeatureException.class, () -> reader.read(noId)).getMessage());

        Path badBundle = Files.writeString(folder.resolve("y.json"), "{\"id\": \"g:y:1\", \"bundles\": [\"just-a-name\"]}");
        assertEquals("y.json: field \"bundles[0]\": expected groupId:artifactId:version[:type[:classifier]], found \"just-a-name\"",
                assertThrows(FeatureException.class, () -> reader.read(badBundle)).getMessage());

        Path broken = Files.writeString(folder.resolve("z.json"), "{\"id\": ");
        assertEquals(true, assertThrows(FeatureException.class, () -> reader.read(broken)).getMessage()
                .startsWith("z.json: not valid JSON"));
    }

    @Test
    void stateFallsBackToTheBootListUntilSomethingIsRecorded() throws Exception {
        FeatureState state = new FeatureState(folder.resolve("data/features.state"));
        assertEquals(java.util.Set.of("base", "core"), state.load(java.util.List.of("base", "core")));
        state.save(new java.util.LinkedHashSet<>(java.util.List.of("base")));
        assertEquals(java.util.Set.of("base"), state.load(java.util.List.of("base", "core")));
    }
}
