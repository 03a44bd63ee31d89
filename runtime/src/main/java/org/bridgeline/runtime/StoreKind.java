package org.bridgeline.runtime;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.bridgeline.features.FeatureException;

/**
 * Which database the store runs on: {@code kind} in {@code conf/org.bridgeline.store.cfg}, DuckDB
 * when the file or the key is absent. Each kind is a feature; the launcher installs the one the
 * configuration names in place of the other, so an operator switches by editing one line.
 */
final class StoreKind {

    static final String CONFIGURATION = "org.bridgeline.store.cfg";
    private static final Map<String, String> FEATURES = Map.of("duckdb", "store", "postgresql", "store-postgresql");

    private StoreKind() {
    }

    /** The wanted features with the store feature the configuration names, at the place of the store feature wanted. */
    static Set<String> choose(Set<String> wanted, Path conf) throws FeatureException, IOException {
        String kind = kind(conf);
        String feature = FEATURES.get(kind);
        if (feature == null) {
            throw new FeatureException(conf.resolve(CONFIGURATION) + ": field \"kind\": expected duckdb or postgresql, found \"" + kind + "\"");
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : wanted) {
            chosen.add(FEATURES.containsValue(name) ? feature : name);
        }
        return chosen;
    }

    static String kind(Path conf) throws IOException {
        Path file = conf.resolve(CONFIGURATION);
        if (!Files.isRegularFile(file)) {
            return "duckdb";
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties.getProperty("kind", "duckdb").strip();
    }
}
