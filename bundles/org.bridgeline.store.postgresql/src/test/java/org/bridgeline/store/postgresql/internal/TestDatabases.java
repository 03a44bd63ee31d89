package org.bridgeline.store.postgresql.internal;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.bridgeline.store.testkit.PostgresServer;
import org.bridgeline.store.testkit.Stores;
import org.postgresql.osgi.PGDataSourceFactory;

/** Fresh databases on a test's throwaway server, opened as the runtime opens them: the store's configuration, pgJDBC's factory, the pool. */
final class TestDatabases {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestDatabases() {
    }

    static PostgresDatabase open(PostgresServer server, Path passwordFile) throws Exception {
        String url = server.createDatabase("store_" + NEXT.incrementAndGet());
        return open(url, passwordFile);
    }

    static PostgresDatabase open(String url, Path passwordFile) {
        return new PostgresDatabase(new PGDataSourceFactory(), configuration(url, passwordFile.toString()));
    }

    static Stores roles(PostgresDatabase database) {
        return new Stores(new PostgresImportStore(database), new PostgresAuditStore(database), new PostgresInputStore(database),
                new PostgresBookStore(database), new PostgresTenantStore(database),
                new PostgresIntakeStore(database), new PostgresDisputeStore(database), database::close);
    }

    static StoreSettings.Config configuration(String url, String passwordFile) {
        return new StoreSettings.Config() {
            public Class<? extends Annotation> annotationType() {
                return StoreSettings.Config.class;
            }

            public String kind() {
                return "postgresql";
            }

            public String url() {
                return url;
            }

            public String user() {
                return PostgresServer.USER;
            }

            public String passwordFile() {
                return passwordFile;
            }

            public int poolSize() {
                return 8;
            }
        };
    }
}
