package org.bridgeline.store.duckdb.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.jdbc.BulkRows;
import org.bridgeline.store.jdbc.Database;
import org.bridgeline.store.jdbc.Migrations;
import org.bridgeline.store.jdbc.RowEncoder;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The embedded default database: a DuckDB file in data/, shared by the store's roles. It opens on
 * a background thread (its native library takes about a second to load the first time), never on
 * the runtime's start-up path; calls wait for it. Each unit of work gets a connection of its own, from a pool that
 * keeps what was prepared on them.
 * One process owns the file, so holds are locks in this process and every query filters by tenant.
 */
@Component(service = DuckDbDatabase.class, configurationPid = "org.bridgeline.store.duckdb")
public final class DuckDbDatabase implements Database {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.store");
    private static final long OPEN_TIMEOUT_SECONDS = 120;
    /** Connections kept for the next unit of work: one per import, audit or request running side by side. */
    private static final int IDLE_CONNECTIONS = 8;

    /** Configuration {@code org.bridgeline.store.duckdb}. */
    public @interface Config {
        /** The database file; empty for {@code bridgeline.data}/bridgeline.duckdb. */
        String path() default "";

        /**
         * DuckDB's worker threads; 0 for one fewer than the cores, at least one. The runtime's own threads (a parser, the
         * audit's detectors, HTTP requests) run queries side by side already, and a core left to them is worth more than
         * a second worker splitting each query: on 2 cores one worker stores a bill's lines in two thirds of the time and
         * audits as fast.
         */
        int threads() default 0;
    }

    private final Path file;
    private final int threads;
    private final CompletableFuture<DuckDBConnection> database;
    private final ConnectionPool pool;
    private final ConcurrentMap<String, ReentrantLock> holds = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, List<String[]>> columns = new ConcurrentHashMap<>();

    @Activate
    public DuckDbDatabase(BundleContext context, Config config) {
        this(config.path().isBlank()
                ? Path.of(Optional.ofNullable(context.getProperty("bridgeline.data")).orElse("data"), "bridgeline.duckdb")
                : Path.of(config.path()), config.threads());
    }

    DuckDbDatabase(Path file) {
        this(file, 0);
    }

    DuckDbDatabase(Path file, int threads) {
        this.file = file.toAbsolutePath().normalize();
        this.threads = threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        this.database = new CompletableFuture<>();
        this.pool = new ConnectionPool(() -> db().duplicate(), this.file.resolveSibling("staging"), IDLE_CONNECTIONS);
        Thread opener = new Thread(this::open, "bridgeline-store-open");
        opener.setDaemon(true);
        opener.start();
    }

    private void open() {
        long started = System.nanoTime();
        try {
            Files.createDirectories(file.getParent());
            removeStagingLeftovers();
            Connection connection = new DuckDBDriver().connect("jdbc:duckdb:" + file, new Properties());
            try (java.sql.Statement settings = connection.createStatement()) {
                settings.execute("SET checkpoint_threshold = '256MB'");
                settings.execute("SET threads = " + threads);
            }
            int version = Migrations.migrate(connection);
            LOG.info("store open: DuckDB " + file + ", schema version " + version + ", " + threads + " worker thread(s), in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
            database.complete((DuckDBConnection) connection);
        } catch (SQLException | IOException | RuntimeException | LinkageError e) {
            LOG.severe("store cannot open " + file + ": " + e.getMessage());
            database.completeExceptionally(e);
        }
    }

    /** Staging files a stopped process left behind: their rows were never committed, so nothing reads them. */
    private void removeStagingLeftovers() throws IOException {
        Path staging = file.resolveSibling("staging");
        if (Files.isDirectory(staging)) {
            try (var leftovers = Files.newDirectoryStream(staging, "*.tsv")) {
                for (Path leftover : leftovers) {
                    Files.deleteIfExists(leftover);
                }
            }
        }
    }

    @Deactivate
    void close() {
        pool.close(); // before the database: a pooled connection keeps the file open
        database.thenAccept(connection -> {
            try {
                connection.close();
                LOG.info("store closed: " + file);
            } catch (SQLException e) {
                LOG.warning("store did not close cleanly: " + e.getMessage());
            }
        });
        try {
            database.get(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS); // let an open in progress finish, then it closes above
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // nothing open to close
        }
    }

    /** The open database, waiting for it to open. */
    private DuckDBConnection db() throws StoreException {
        try {
            return database.get(OPEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while the database at " + file + " opens");
        } catch (ExecutionException e) {
            throw new StoreException("the database at " + file + " cannot be opened: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new StoreException("the database at " + file + " did not open within " + OPEN_TIMEOUT_SECONDS + " s");
        }
    }

    /** A connection of the caller's own: DuckDB connections are not shared between threads. */
    @Override
    public Connection connect(String tenant) throws StoreException {
        try {
            return pool.borrow();
        } catch (SQLException e) {
            throw new StoreException("the database at " + file + " refused a connection: " + e.getMessage(), e);
        }
    }

    @Override
    public BulkRows bulk(Connection connection, String table) throws SQLException {
        if (STAGED.contains(table)) {
            return bulk(connection, table, List.of());
        }
        return new AppenderRows(ConnectionPool.duckDb(connection).createAppender(DuckDBConnection.DEFAULT_SCHEMA, table));
    }

    @Override
    public boolean encodesRows() {
        return true;
    }

    /** Rows of any table as tab-separated text; written by the staged rows of the same table with the same leading columns. */
    @Override
    public RowEncoder encoder(String table, int leading) {
        return new StagedText();
    }

    @Override
    public BulkRows bulk(Connection connection, String table, List<Object> leading) throws SQLException {
        List<String[]> columns = columnsOf(connection, table);
        StagedInsert insert = ConnectionPool.claimStagedInsert(connection, table, columns, leading.size());
        return insert != null ? new StagedRows(insert, leading) : new StagedRows(connection, table, columns, leading, file.resolveSibling("staging"));
    }

    /** The tables of charge lines, wide and written by the million: staged for DuckDB's CSV reader instead of appended. */
    private static final Set<String> STAGED = Set.of("bl_line", "bl_finding_line");

    /** A table's columns in order, name and type, read once: the schema only changes by migration, before any write. */
    private List<String[]> columnsOf(Connection connection, String table) throws SQLException {
        List<String[]> known = columns.get(table);
        if (known != null) {
            return known;
        }
        List<String[]> read = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT column_name, data_type FROM information_schema.columns "
                + "WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position")) {
            statement.setString(1, table);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    read.add(new String[] {row.getString(1), row.getString(2)});
                }
            }
        }
        if (read.isEmpty()) {
            throw new SQLException("no table " + table + " to write rows to");
        }
        columns.putIfAbsent(table, List.copyOf(read));
        return read;
    }

    /** DuckDB's own 64-bit hash of several values. */
    @Override
    public Optional<String> hashOf(List<String> expressions) {
        return Optional.of("hash(" + String.join(", ", expressions) + ")");
    }

    /** One process writes the file, and DuckDB refuses a conflicting commit: nothing to take turns for. */
    @Override
    public void serialize(Connection connection, String key) {
    }

    @Override
    public Hold exclusive(String tenant, String activity) {
        ReentrantLock lock = holds.computeIfAbsent(tenant + '\u0000' + activity, key -> new ReentrantLock());
        lock.lock();
        return lock::unlock;
    }

    @Override
    public String description() {
        String state = database.isDone() ? database.isCompletedExceptionally() ? "failed to open (see the log)" : "open" : "opening";
        return "DuckDB " + file + " (" + state + ")";
    }

    Path file() {
        return file;
    }
}
