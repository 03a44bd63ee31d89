package org.bridgeline.store.postgresql.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.jdbc.BulkRows;
import org.bridgeline.store.jdbc.Database;
import org.bridgeline.store.jdbc.Migrations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.postgresql.ds.common.BaseDataSource;

/**
 * The hosted database: PostgreSQL through pgJDBC's DataSourceFactory and a HikariCP pool, shared by
 * the store's roles and by every runtime pointed at it. Each checkout is bound to its tenant through
 * the session variable {@code bridgeline.tenant}, which the row-level security policies of every
 * table compare with the row's tenant: a query that forgets its tenant filter sees no other tenant.
 * The pool opens on a background thread, off the runtime's start-up path; calls wait for it.
 */
@Component(service = PostgresDatabase.class, configurationPid = StoreSettings.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class PostgresDatabase implements Database {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.store");
    private static final long OPEN_TIMEOUT_SECONDS = 60;
    /** The advisory lock every runtime takes while it migrates, so two starting at once migrate once. */
    private static final String MIGRATION_LOCK = "bridgeline/migrations";
    /** Rows per round trip when a result is streamed: a million-line view never sits in the heap at once. */
    private static final int STREAM_BATCH_ROWS = 2_000;

    private final String where;
    private final CompletableFuture<HikariDataSource> pool = new CompletableFuture<>();

    @Activate
    public PostgresDatabase(@Reference(target = "(osgi.jdbc.driver.class=org.postgresql.Driver)") DataSourceFactory drivers,
            StoreSettings.Config config) {
        this.where = config.url() + " as " + config.user();
        Thread opener = new Thread(() -> open(drivers, config), "bridgeline-store-open");
        opener.setDaemon(true);
        opener.start();
    }

    private void open(DataSourceFactory drivers, StoreSettings.Config configuration) {
        long started = System.nanoTime();
        HikariDataSource dataSource = null;
        try {
            StoreSettings settings = StoreSettings.of(configuration);
            Properties properties = new Properties();
            properties.setProperty(DataSourceFactory.JDBC_URL, settings.url());
            properties.setProperty(DataSourceFactory.JDBC_USER, settings.user());
            properties.setProperty(DataSourceFactory.JDBC_PASSWORD, settings.password());
            properties.setProperty("ApplicationName", "bridgeline");
            DataSource driver = drivers.createDataSource(properties);
            if (driver instanceof BaseDataSource pg) {
                pg.setDefaultRowFetchSize(STREAM_BATCH_ROWS); // a streamed result arrives in batches, never whole
            }
            HikariConfig config = new HikariConfig();
            config.setDataSource(driver); // never a driver class name: Hikari's class lookup fails in OSGi
            config.setPoolName("bridgeline-store");
            config.setMaximumPoolSize(settings.poolSize());
            config.setMinimumIdle(1);
            config.setInitializationFailTimeout(-1); // a server still starting is waited for, not fatal
            dataSource = new HikariDataSource(config);
            int version;
            try (Connection connection = dataSource.getConnection()) {
                version = migrate(connection);
                String collation = collation(connection);
                if (!"C".equals(collation) && !"POSIX".equals(collation)) {
                    LOG.warning("store: database collation is " + collation + "; lists sort as in the embedded store only "
                            + "under C (create the database with LC_COLLATE 'C', see the store README)");
                }
            }
            LOG.info("store open: PostgreSQL " + where() + ", schema version " + version + ", in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            pool.complete(dataSource);
        } catch (StoreException | SQLException | IOException | RuntimeException e) {
            LOG.severe("store cannot open " + where() + ": " + firstLine(e));
            if (dataSource != null) {
                dataSource.close();
            }
            pool.completeExceptionally(e);
        }
    }

    private static int migrate(Connection connection) throws SQLException, IOException {
        lock(connection, "pg_advisory_lock", MIGRATION_LOCK);
        try {
            return Migrations.migrate(connection, PostgresDatabase.class, Migrations.SCRIPTS.size());
        } finally {
            lock(connection, "pg_advisory_unlock", MIGRATION_LOCK);
        }
    }

    private static String collation(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT datcollate FROM pg_database WHERE datname = current_database()");
                ResultSet row = query.executeQuery()) {
            return row.next() ? row.getString(1) : "unknown";
        }
    }

    /** Calls an advisory lock function on the key's 64-bit hash. */
    static void lock(Connection connection, String function, String key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT " + function + "(hashtextextended(?, 0))")) {
            lock.setString(1, key);
            lock.executeQuery().close();
        }
    }

    @Deactivate
    void close() {
        pool.thenAccept(dataSource -> {
            dataSource.close();
            LOG.info("store closed: PostgreSQL " + where());
        });
        try {
            pool.get(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // nothing open to close
        }
    }

    private HikariDataSource pool() throws StoreException {
        try {
            return pool.get(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while the database at " + where() + " opens");
        } catch (ExecutionException e) {
            throw new StoreException("the database at " + where() + " cannot be opened: " + firstLine(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new StoreException("the database at " + where() + " did not open within " + OPEN_TIMEOUT_SECONDS + " s");
        }
    }

    @Override
    public Connection connect(String tenant) throws StoreException {
        Connection connection = null;
        try {
            connection = pool().getConnection();
            try (PreparedStatement bind = connection.prepareStatement("SELECT set_config('bridgeline.tenant', ?, false)")) {
                bind.setString(1, tenant);
                bind.executeQuery().close();
            }
            return connection;
        } catch (SQLException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // the refusal below is what the caller needs to know
                }
            }
            throw new StoreException("the database at " + where() + " refused a connection: " + firstLine(e), e);
        }
    }

    /** pgJDBC streams a result in batches only inside a transaction: streamed reads get a read-only one of their own. */
    @Override
    public void stream(String tenant, String failing, Stream work) throws StoreException {
        with(tenant, failing, connection -> {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try {
                work.run(connection);
                connection.commit();
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback(); // nothing to undo after the commit; ends the transaction when the work failed
                    connection.setAutoCommit(true);
                }
                connection.setReadOnly(false);
            }
            return null;
        });
    }

    @Override
    public BulkRows bulk(Connection connection, String table) throws SQLException {
        return new CopyRows(connection, table);
    }

    @Override
    public String claimingRows() {
        return " FOR UPDATE SKIP LOCKED";
    }

    @Override
    public void serialize(Connection connection, String key) throws SQLException {
        lock(connection, "pg_advisory_xact_lock", key);
    }

    /** A session-level advisory lock on a connection kept for the hold: every runtime on this database waits for it. */
    @Override
    public Hold exclusive(String tenant, String activity) throws StoreException {
        Connection connection = connect(tenant);
        String key = activity + "/" + tenant;
        try {
            lock(connection, "pg_advisory_lock", key);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw Database.failure("cannot hold " + activity + " for " + tenant, e);
        }
        return () -> {
            try {
                lock(connection, "pg_advisory_unlock", key);
            } catch (SQLException e) {
                throw Database.failure("cannot release " + activity + " for " + tenant, e);
            } finally {
                closeQuietly(connection);
            }
        };
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // a connection that fails to close is evicted by the pool; its session locks go with it
        }
    }

    @Override
    public String description() {
        String state = pool.isDone() ? pool.isCompletedExceptionally() ? "failed to open (see the log)" : "open" : "opening";
        return "PostgreSQL " + where() + " (" + state + ")";
    }

    private String where() {
        return where;
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
