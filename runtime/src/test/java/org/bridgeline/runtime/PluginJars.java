package org.bridgeline.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.function.UnaryOperator;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Variants of the test plugin jar for the hot-deploy tests: another version, a requirement no
 * bundle offers, a component whose class does not exist.
 */
final class PluginJars {

    private PluginJars() {
    }

    /**
     * A bundle of data files only (layouts, X12 profiles), written beside {@code staging} and moved into place whole, as an
     * operator's copy would land.
     */
    static void profileOnly(Path target, Path staging, String symbolicName, java.util.Map<String, String> entries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", symbolicName);
        manifest.getMainAttributes().putValue("Bundle-Version", "1.0.0");
        Path staged = staging.resolve(target.getFileName() + ".part");
        try (var out = new JarOutputStream(Files.newOutputStream(staged), manifest)) {
            for (java.util.Map.Entry<String, String> entry : new java.util.TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Files.move(staged, target);
    }

    static void withVersion(Path target, String version) throws IOException {
        rewrite(target, manifest -> {
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            return manifest;
        }, UnaryOperator.identity());
    }

    /**
     * The plugin, at a version, with one import clause added or, when the package is imported
     * already, replaced (a wrong api version).
     */
    static void needingPackage(Path target, String version, String importClause) throws IOException {
        String packageName = importClause.split(";", 2)[0];
        rewrite(target, manifest -> {
            Attributes main = manifest.getMainAttributes();
            main.putValue("Bundle-Version", version);
            java.util.List<String> clauses = new java.util.ArrayList<>();
            for (String clause : splitClauses(main.getValue("Import-Package"))) {
                if (!clause.split(";", 2)[0].equals(packageName)) {
                    clauses.add(clause);
                }
            }
            clauses.add(importClause);
            main.putValue("Import-Package", String.join(",", clauses));
            return manifest;
        }, UnaryOperator.identity());
    }

    /** Splits a manifest header at the commas outside quotes. */
    private static java.util.List<String> splitClauses(String header) {
        java.util.List<String> clauses = new java.util.ArrayList<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                clauses.add(clause.toString());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        clauses.add(clause.toString());
        return clauses;
    }

    /** The plugin, with its parser component pointing at a class that is not in the jar. */
    static void withBrokenParserComponent(Path target, String version) throws IOException {
        rewrite(target, manifest -> {
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            return manifest;
        }, xml -> xml.replace("implementation class=\"org.bridgeline.itest.plugin.LineParser\"",
                "implementation class=\"org.bridgeline.itest.plugin.NoSuchParser\""));
    }

    /** Writes the jar through a temporary file, so a watcher never sees it half written. */
    private static void rewrite(Path target, UnaryOperator<Manifest> manifestChange, UnaryOperator<String> componentXmlChange)
            throws IOException {
        Path temporary = Files.createTempFile(target.getParent().getParent(), "plugin", ".tmp");
        try (JarFile source = new JarFile(TestDistribution.itestPlugin().toFile());
                OutputStream file = Files.newOutputStream(temporary);
                JarOutputStream out = new JarOutputStream(file, manifestChange.apply(new Manifest(source.getManifest())))) {
            Enumeration<JarEntry> entries = source.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().equals(JarFile.MANIFEST_NAME) || entry.getName().equals("META-INF/")) {
                    continue;
                }
                out.putNextEntry(new JarEntry(entry.getName()));
                try (InputStream in = source.getInputStream(entry)) {
                    byte[] bytes = in.readAllBytes();
                    if (entry.getName().startsWith("OSGI-INF/") && entry.getName().endsWith(".xml")) {
                        bytes = componentXmlChange.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    }
                    out.write(bytes);
                }
                out.closeEntry();
            }
        }
        Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
