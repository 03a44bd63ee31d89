package org.bridgeline.features;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which features an operator has installed, kept in {@code data/features.state} (one short name
 * a line) so the next start brings back the same runtime. Before the first start there is no
 * file, and the boot list from the runtime's configuration applies.
 */
public final class FeatureState {

    private final Path file;

    public FeatureState(Path file) {
        this.file = file;
    }

    /** The installed feature names, or {@code defaults} when nothing was recorded yet. */
    public Set<String> load(List<String> defaults) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new LinkedHashSet<>(defaults);
        }
        Set<String> names = new LinkedHashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    public void save(Set<String> names) throws IOException {
        Files.createDirectories(file.getParent());
        List<String> lines = new ArrayList<>();
        lines.add("# features installed in this runtime; written by Bridgeline");
        lines.addAll(names);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temporary, lines, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
