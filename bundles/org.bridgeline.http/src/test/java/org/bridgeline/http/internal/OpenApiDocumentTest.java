package org.bridgeline.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document describes the routes that exist, no more and no fewer: each servlet pattern
 * the bundle registers (read from the component descriptions bnd generated) is a path of the
 * document, and each path of the document falls under a registered pattern.
 */
class OpenApiDocumentTest {

    @Test
    void theDocumentAndTheRegisteredRoutesAgree() throws Exception {
        JsonObject document;
        try (InputStreamReader in = new InputStreamReader(OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT),
                StandardCharsets.UTF_8)) {
            document = JsonParser.parseReader(in).getAsJsonObject();
        }
        assertEquals("3.0.3", document.get("openapi").getAsString());
        TreeSet<String> documented = new TreeSet<>();
        for (String path : document.getAsJsonObject("paths").keySet()) {
            documented.add("/api/v1" + path);
        }
        List<String> patterns = new ArrayList<>();
        // bnd writes a property as value="..." or, typed, as the element's text (one value a line)
        Pattern property = Pattern.compile("name=\"osgi\\.http\\.whiteboard\\.servlet\\.pattern\"[^>]*?(?:value=\"([^\"]+)\"[^>]*/>|>([^<]+)<)");
        try (Stream<Path> descriptions = Files.list(Path.of("target/classes/OSGI-INF"))) {
            for (Path description : descriptions.filter(file -> file.toString().endsWith(".xml")).toList()) {
                Matcher pattern = property.matcher(Files.readString(description));
                while (pattern.find()) {
                    String values = pattern.group(1) != null ? pattern.group(1) : pattern.group(2);
                    values.lines().map(String::strip).filter(value -> !value.isEmpty()).forEach(patterns::add);
                }
            }
        }
        // the fallback answering unknown paths serves nothing the document names
        assertEquals(true, patterns.remove(UnknownRouteResource.PATTERN), "the fallback for unknown paths: " + patterns);
        assertEquals(12, patterns.size(), "the API's resources: " + patterns);
        TreeSet<String> registered = new TreeSet<>();
        for (String pattern : patterns) {
            String base = pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 2) : pattern;
            registered.add(base);
            // a pattern ending in /* serves its base and the paths below it: the document names it or a path below it
            boolean described = documented.contains(base) || pattern.endsWith("/*") && documented.stream().anyMatch(p -> p.startsWith(base + "/"));
            assertEquals(true, described, pattern + " is not in the OpenAPI document");
        }
        for (String path : documented) {
            boolean served = patterns.stream().anyMatch(pattern -> pattern.endsWith("/*")
                    ? path.equals(pattern.substring(0, pattern.length() - 2)) || path.startsWith(pattern.substring(0, pattern.length() - 1))
                    : path.equals(pattern));
            assertEquals(true, served, path + " is documented but no resource serves it");
        }
    }
}
