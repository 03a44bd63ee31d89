package org.bridgeline.core.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** Says in one line why a jar is not an installable OSGi bundle. */
final class JarCheck {

    private JarCheck() {
    }

    static String whyNotABundle(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return "not an OSGi bundle: the jar has no META-INF/MANIFEST.MF";
            }
            if (manifest.getMainAttributes().getValue("Bundle-SymbolicName") == null) {
                return "not an OSGi bundle: the manifest has no Bundle-SymbolicName (build it with bnd)";
            }
            return "the framework refused to install it (see log/bridgeline.log for the file installer's message)";
        } catch (IOException e) {
            return "not a readable jar (" + e.getMessage() + "); a copy still in progress is taken once complete";
        }
    }
}
