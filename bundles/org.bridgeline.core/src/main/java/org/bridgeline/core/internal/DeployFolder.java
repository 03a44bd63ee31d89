package org.bridgeline.core.internal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The hot-deploy folder, and which bundles came from it. */
final class DeployFolder {

    private final Path folder;
    private final String locationPrefix;

    DeployFolder(BundleContext context) {
        String configured = context.getProperty("felix.fileinstall.dir");
        this.folder = configured == null ? null : Path.of(configured).toAbsolutePath().normalize();
        this.locationPrefix = folder == null ? null : locationOf(folder);
    }

    /**
     * The location the file installer gives a jar: {@code File.toURI()} style ({@code file:/x}),
     * which differs from {@code Path.toUri()} ({@code file:///x}).
     */
    static String locationOf(Path file) {
        return file.toFile().toURI().normalize().toString();
    }

    boolean contains(Bundle bundle) {
        return locationPrefix != null && bundle.getLocation().startsWith(locationPrefix);
    }

    /** The jar a deployed bundle was installed from, or {@code null}. */
    Path fileOf(Bundle bundle) {
        if (!contains(bundle)) {
            return null;
        }
        try {
            return Path.of(URI.create(bundle.getLocation()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    boolean fileExists(Bundle bundle) {
        Path file = fileOf(bundle);
        return file != null && Files.exists(file);
    }

    Path path() {
        return folder;
    }
}
