package org.bridgeline.features;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Reads OSGi R8 Feature JSON (feature-resource-version 1.0): {@code id}, {@code name},
 * {@code description}, {@code bundles} (strings or objects with an {@code id}) and
 * {@code configurations}. Configuration values may use {@code ${name}} placeholders, resolved
 * through the given function (the runtime passes framework properties).
 */
public final class FeatureReader {

    private final UnaryOperator<String> variables;

    public FeatureReader(UnaryOperator<String> variables) {
        this.variables = variables;
    }

    /** Every {@code *.json} feature in a folder, sorted by file name. */
    public List<Feature> readFolder(Path folder) throws FeatureException {
        if (!Files.isDirectory(folder)) {
            throw new FeatureException("features folder " + folder + " does not exist");
        }
        List<Feature> features = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                features.add(read(file));
            }
        } catch (IOException e) {
            throw new FeatureException("cannot list " + folder + ": " + e.getMessage());
        }
        return features;
    }

    public Feature read(Path file) throws FeatureException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(JsonParser.parseReader(reader), file.getFileName().toString());
        } catch (IOException e) {
            throw new FeatureException(file + ": cannot read: " + e.getMessage());
        } catch (JsonParseException e) {
            throw new FeatureException(file.getFileName() + ": not valid JSON: " + rootMessage(e));
        }
    }

    Feature parse(JsonElement json, String source) throws FeatureException {
        if (!json.isJsonObject()) {
            throw new FeatureException(source + ": expected a JSON object, found " + kind(json));
        }
        JsonObject root = json.getAsJsonObject();
        String id = requiredString(root, "id", source);
        ArtifactId featureId = parseId(id, source, "id");
        List<ArtifactId> bundles = new ArrayList<>();
        JsonElement bundleList = root.get("bundles");
        if (bundleList != null) {
            if (!bundleList.isJsonArray()) {
                throw new FeatureException(source + ": field \"bundles\": expected an array, found " + kind(bundleList));
            }
            JsonArray array = bundleList.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                JsonElement entry = array.get(i);
                String field = "bundles[" + i + "]";
                String bundleId;
                if (entry.isJsonPrimitive() && entry.getAsJsonPrimitive().isString()) {
                    bundleId = entry.getAsString();
                } else if (entry.isJsonObject()) {
                    bundleId = requiredString(entry.getAsJsonObject(), "id", source + " " + field);
                } else {
                    throw new FeatureException(source + ": field \"" + field
                            + "\": expected a coordinate string or an object with an id, found " + kind(entry));
                }
                bundles.add(parseId(bundleId, source, field));
            }
        }
        Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
        JsonElement configs = root.get("configurations");
        if (configs != null) {
            if (!configs.isJsonObject()) {
                throw new FeatureException(source + ": field \"configurations\": expected an object, found " + kind(configs));
            }
            for (Map.Entry<String, JsonElement> config : configs.getAsJsonObject().entrySet()) {
                if (!config.getValue().isJsonObject()) {
                    throw new FeatureException(source + ": configuration \"" + config.getKey()
                            + "\": expected an object of properties, found " + kind(config.getValue()));
                }
                Map<String, Object> properties = new LinkedHashMap<>();
                for (Map.Entry<String, JsonElement> property : config.getValue().getAsJsonObject().entrySet()) {
                    properties.put(property.getKey(), value(property.getValue(),
                            source + ": configuration \"" + config.getKey() + "\" property \"" + property.getKey() + "\""));
                }
                configurations.put(config.getKey(), properties);
            }
        }
        return new Feature(featureId, optionalString(root, "name"), optionalString(root, "description"), bundles,
                configurations, source);
    }

    private Object value(JsonElement element, String where) throws FeatureException {
        if (element.isJsonPrimitive()) {
            JsonPrimitive primitive = element.getAsJsonPrimitive();
            if (primitive.isBoolean()) {
                return primitive.getAsBoolean();
            }
            if (primitive.isNumber()) {
                String text = primitive.getAsString();
                if (text.contains(".") || text.contains("e") || text.contains("E")) {
                    throw new FeatureException(where + ": expected a whole number, string or boolean, found " + text);
                }
                return primitive.getAsLong();
            }
            return substitute(primitive.getAsString());
        }
        if (element.isJsonArray()) {
            List<String> values = new ArrayList<>();
            for (JsonElement item : element.getAsJsonArray()) {
                if (!item.isJsonPrimitive()) {
                    throw new FeatureException(where + ": expected an array of plain values, found " + kind(item));
                }
                values.add(substitute(item.getAsString()));
            }
            return values.toArray(String[]::new);
        }
        throw new FeatureException(where + ": expected a string, number, boolean or array, found " + kind(element));
    }

    private String substitute(String text) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int start = text.indexOf("${", at);
            int end = start < 0 ? -1 : text.indexOf('}', start);
            if (end < 0) {
                return out.append(text, at, text.length()).toString();
            }
            String value = variables.apply(text.substring(start + 2, end));
            out.append(text, at, start).append(value == null ? text.substring(start, end + 1) : value);
            at = end + 1;
        }
    }

    private static ArtifactId parseId(String id, String source, String field) throws FeatureException {
        try {
            return ArtifactId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new FeatureException(source + ": field \"" + field + "\": " + e.getMessage());
        }
    }

    private static String requiredString(JsonObject object, String field, String source) throws FeatureException {
        JsonElement value = object.get(field);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new FeatureException(source + ": field \"" + field + "\": expected a string, found "
                    + (value == null ? "nothing" : kind(value)));
        }
        return value.getAsString();
    }

    private static String optionalString(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
    }

    private static String kind(JsonElement element) {
        if (element.isJsonNull()) {
            return "null";
        }
        if (element.isJsonArray()) {
            return "an array";
        }
        if (element.isJsonObject()) {
            return "an object";
        }
        return "\"" + element.getAsString() + "\"";
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
