package org.bridgeline.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarCheckTest {

    @TempDir
    Path folder;

    @Test
    void aPlainJarIsNotABundle() throws Exception {
        Path jar = folder.resolve("plain.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new java.util.jar.JarEntry("a.txt"));
        }
        assertEquals("not an OSGi bundle: the manifest has no Bundle-SymbolicName (build it with bnd)", JarCheck.whyNotABundle(jar));
    }

    @Test
    void aTruncatedFileIsNotAJar() throws Exception {
        Path jar = Files.write(folder.resolve("half.jar"), new byte[] {'P', 'K', 3, 4, 0});
        assertTrue(JarCheck.whyNotABundle(jar).startsWith("not a readable jar"));
    }
}
