package org.bridgeline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionTest {

    @TempDir
    Path home;

    @Test
    void propertiesResolveTheHomeAndEachOther() throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/bridgeline.properties"), """
                felix.fileinstall.dir=${bridgeline.home}/deploy
                bridgeline.features= base , core,
                org.osgi.framework.storage=${bridgeline.data}/cache
                unknown=${no.such.property}/x
                """);
        Map<String, String> properties = new Distribution(home).frameworkProperties();
        assertEquals(home.toAbsolutePath() + "/deploy", properties.get("felix.fileinstall.dir"));
        assertEquals(home.toAbsolutePath() + "/data/cache", properties.get("org.osgi.framework.storage"));
        assertEquals("${no.such.property}/x", properties.get("unknown"));
        assertEquals(List.of("base", "core"), Distribution.bootFeatures(properties));
    }

    @Test
    void defaultsWithoutAConfigurationFile() throws Exception {
        Map<String, String> properties = new Distribution(home).frameworkProperties();
        assertEquals(home.toAbsolutePath().resolve("deploy").toString(), properties.get("felix.fileinstall.dir"));
        assertEquals(home.toAbsolutePath().resolve("data/cache").toString(), properties.get("org.osgi.framework.storage"));
    }

    @Test
    void errorsReadAsOneLine() {
        assertEquals("Command not found: bl:x", ConsoleBridge.describe(new IllegalArgumentException("Command not found: bl:x")));
        assertEquals("IllegalStateException: no bundle", ConsoleBridge.describe(new IllegalStateException("no bundle")));
        assertEquals("NullPointerException", ConsoleBridge.describe(new NullPointerException()));
    }
}
