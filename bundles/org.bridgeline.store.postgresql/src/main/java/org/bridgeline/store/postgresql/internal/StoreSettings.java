package org.bridgeline.store.postgresql.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bridgeline.store.StoreException;

/**
 * The store's configuration, {@code conf/org.bridgeline.store.cfg}: the kind of database, where it
 * is, who connects, and the file holding the password (never the password itself, so the
 * configuration can be shown, logged and kept in version control).
 */
record StoreSettings(String url, String user, String password, int poolSize) {

    static final String PID = "org.bridgeline.store";

    /** Configuration {@code org.bridgeline.store}. */
    @interface Config {
        /** duckdb (the embedded default) or postgresql; the launcher installs the matching store feature. */
        String kind() default "duckdb";

        /** The JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/bridgeline. */
        String url() default "";

        String user() default "bridgeline";

        /** A file whose first line is the password; readable by the runtime's user only. */
        String passwordFile() default "";

        /** Connections in the pool: each import, audit and request holds one while it works. */
        int poolSize() default 8;
    }

    static StoreSettings of(Config config) throws StoreException {
        if (!"postgresql".equals(config.kind())) {
            throw new StoreException(PID + ": kind is " + config.kind() + ", not postgresql: the PostgreSQL store stays closed");
        }
        if (config.url().isBlank() || !config.url().startsWith("jdbc:postgresql:")) {
            throw new StoreException(PID + ": field \"url\": expected a jdbc:postgresql: URL, found \"" + config.url() + "\"");
        }
        if (config.poolSize() < 2) {
            throw new StoreException(PID + ": field \"poolSize\": expected at least 2 (an import holds one while it reads), found "
                    + config.poolSize());
        }
        return new StoreSettings(config.url(), config.user(), password(config.passwordFile()), config.poolSize());
    }

    private static String password(String file) throws StoreException {
        if (file.isBlank()) {
            return "";
        }
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream().findFirst().orElse("");
        } catch (IOException e) {
            throw new StoreException(PID + ": field \"passwordFile\": cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Never the password: settings are printed and logged. */
    @Override
    public String toString() {
        return "StoreSettings[url=" + url + ", user=" + user + ", poolSize=" + poolSize + "]";
    }
}
