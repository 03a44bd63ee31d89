package org.bridgeline.runtime;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The folders of an installed distribution and the runtime configuration in
 * {@code conf/bridgeline.properties}. Paths are absolute so the runtime works from any
 * current directory.
 */
public final class Distribution {

    public static final String PROPERTIES = "bridgeline.properties";

    private final Path home;

    public Distribution(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    /** The distribution the launcher runs from: {@code -Dbridgeline.home}, else the current folder. */
    public static Distribution current() {
        String configured = System.getProperty("bridgeline.home");
        return new Distribution(Path.of(configured == null ? "." : configured));
    }

    public Path home() { return home; }
    public Path bin() { return home.resolve("bin"); }
    public Path conf() { return home.resolve("conf"); }
    public Path system() { return home.resolve("system"); }
    public Path features() { return home.resolve("features"); }
    public Path deploy() { return home.resolve("deploy"); }
    public Path data() { return home.resolve("data"); }
    public Path log() { return home.resolve("log"); }
    public Path logFile() { return log().resolve("bridgeline.log"); }
    public Path pidFile() { return data().resolve("bridgeline.pid"); }
    /** A folder only the owning user can enter holds the control socket. */
    public Path runFolder() { return data().resolve("run"); }
    public Path controlSocket() { return runFolder().resolve("bridgeline.sock"); }

    public void createFolders() throws IOException {
        for (Path folder : List.of(deploy(), data(), log(), conf())) {
            Files.createDirectories(folder);
        }
    }

    /**
     * The framework properties: {@code conf/bridgeline.properties} with {@code ${bridgeline.home}}
     * (and any earlier property) substituted, then the values the launcher itself owns.
     */
    public Map<String, String> frameworkProperties() throws IOException {
        Properties file = new Properties();
        Path config = conf().resolve(PROPERTIES);
        if (Files.isRegularFile(config)) {
            try (Reader reader = Files.newBufferedReader(config, StandardCharsets.UTF_8)) {
                file.load(reader);
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("bridgeline.home", home.toString());
        properties.put("bridgeline.data", data().toString());
        for (String name : file.stringPropertyNames().stream().sorted().toList()) {
            properties.put(name, file.getProperty(name));
        }
        properties.replaceAll((name, value) -> substitute(value, properties));
        properties.putIfAbsent("org.osgi.framework.storage", data().resolve("cache").toString());
        properties.putIfAbsent("felix.fileinstall.dir", deploy().toString());
        // system properties override the file, so a test or an operator can change one value for one run
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("felix.") || name.startsWith("bridgeline.") || name.startsWith("org.osgi.")
                    || name.startsWith("gosh.") || name.startsWith("ds.")) {
                properties.put(name, System.getProperty(name));
            }
        }
        properties.put("bridgeline.home", home.toString());
        return properties;
    }

    /** The features to install on the first start, from {@code bridgeline.features}. */
    public static List<String> bootFeatures(Map<String, String> properties) {
        return names(properties.get("bridgeline.features"));
    }

    /** The names of a comma-separated list; none for {@code null}. */
    static List<String> names(String list) {
        return list == null ? List.of() : Arrays.stream(list.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    static String substitute(String value, Map<String, String> properties) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int start = value.indexOf("${", at);
            int end = start < 0 ? -1 : value.indexOf('}', start);
            if (end < 0) {
                return out.append(value, at, value.length()).toString();
            }
            String name = value.substring(start + 2, end);
            String replacement = properties.containsKey(name) ? properties.get(name) : System.getProperty(name);
            out.append(value, at, start).append(replacement == null ? value.substring(start, end + 1) : replacement);
            at = end + 1;
        }
    }
}
