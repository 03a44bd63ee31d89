package org.bridgeline.store.duckdb.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
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
 * The embedded default database: a DuckDB file in data/, shared by the store's roles. It opens at first use, not at
 * start: DuckDB's native library is a quarter of an idle runtime's memory and a runtime may serve its console, or a
 * command, without ever reading the store (framework property {@value #OPENS}{@code =at-start} opens it on a thread of
 * its own as the runtime starts instead: what {@code bridgeline exec} sets, its commands being about to read it). What can be checked without it is checked at start (the folder, the file's
 * permissions, that an existing file is a DuckDB database) so a wrong path shows in {@code bl:status} and the log
 * at once. A failed open is tried again at the next use. Each unit of work gets a connection of its own, from a pool
 * that keeps what was prepared on them.
 * One process owns the file, so holds are locks in this process and every query filters by tenant.
 */
@Component(service = DuckDbDatabase.class, configurationPid = "org.bridgeline.store.duckdb")
public final class DuckDbDatabase implements Database {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.store");
    /** The framework property saying when the database opens: {@code at-start}, or by default at first use. */
    static final String OPENS = "bridgeline.store.opens";
    /** Connections kept for the next unit of work: one per import, audit or request running side by side. */
    private static final int IDLE_CONNECTIONS = 8;
    private static final byte[] MAGIC = "DUCK".getBytes(StandardCharsets.US_ASCII);
    /** Where DuckDB's file header keeps {@link #MAGIC}, after the header's checksum. */
    private static final int MAGIC_OFFSET = 8;

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

        /**
         * Seconds without a connection in use after which the database closes: DuckDB hands back what it holds (a server
         * with the hosted features went from 400 to 195 MiB after a million-line audit, its idle heap handed back too) and
         * the next use opens it again, in tens of milliseconds once its library is loaded. Intake and health probes do not
         * keep it open. 0 keeps it open until the runtime stops.
         */
        int closeWhenUnusedSeconds() default 600;
    }

    private final Path file;
    private final int threads;
    private final ConnectionPool pool;
    private final ConcurrentMap<String, ReentrantLock> holds = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, List<String[]>> columns = new ConcurrentHashMap<>();
    /** Guards opening and closing: the first users wait for one open, close waits for an open under way. */
    private final Object openOrClose = new Object();
    private volatile boolean opening;
    private volatile DuckDBConnection database;
    /** Why the database cannot open, as last found; null while nothing says it cannot. */
    private volatile String unopenable;
    private boolean closed;
    private final Duration closeWhenUnused;
    /** Whether the database was closed for want of use (it opens again at the next). */
    private volatile boolean closedUnused;
    /** Looks for disuse while the database is open; its thread ends a minute after the database closes. */
    private final ScheduledThreadPoolExecutor unusedCheck = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "bridgeline-store-unused");
        thread.setDaemon(true);
        return thread;
    });
    /** The open database's check for disuse; null while it is closed. Guarded by {@link #openOrClose}. */
    private ScheduledFuture<?> unusedChecks;

    @Activate
    public DuckDbDatabase(BundleContext context, Config config) {
        this(config.path().isBlank()
                ? Path.of(Optional.ofNullable(context.getProperty("bridgeline.data")).orElse("data"), "bridgeline.duckdb")
                : Path.of(config.path()), config.threads(), "at-start".equals(context.getProperty(OPENS)),
                Duration.ofSeconds(Math.max(0, config.closeWhenUnusedSeconds())));
    }

    DuckDbDatabase(Path file) {
        this(file, 0, false, Duration.ZERO);
    }

    DuckDbDatabase(Path file, int threads, boolean openAtStart, Duration closeWhenUnused) {
        this.file = file.toAbsolutePath().normalize();
        this.threads = threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        this.pool = new ConnectionPool(() -> db().duplicate(), this.file.resolveSibling("staging"), IDLE_CONNECTIONS);
        try {
            Files.createDirectories(this.file.getParent());
            removeStagingLeftovers();
            checkFile();
        } catch (IOException e) {
            cannotOpen(e.getMessage() == null ? e.toString() : e.getMessage());
        }
        this.closeWhenUnused = closeWhenUnused;
        unusedCheck.setKeepAliveTime(1, TimeUnit.MINUTES);
        unusedCheck.allowCoreThreadTimeOut(true);
        if (openAtStart && unopenable == null) {
            opening = true;
            Thread opener = new Thread(this::openAtStart, "bridgeline-store-open");
            opener.setDaemon(true);
            opener.start();
        }
    }

    private void openAtStart() {
        try {
            db();
        } catch (StoreException e) {
            // logged where it failed; the first use tries again and tells its caller
        } finally {
            opening = false;
        }
    }

    /** An existing file this process cannot use, found without loading DuckDB; DuckDB creates a missing one. */
    private void checkFile() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is not a file");
        }
        if (!Files.isReadable(file) || !Files.isWritable(file)) {
            throw new IOException(file + " is not readable and writable by this process");
        }
        byte[] header = new byte[MAGIC_OFFSET + MAGIC.length];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(header, 0, header.length);
        }
        if (read == header.length && !Arrays.equals(header, MAGIC_OFFSET, header.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException(file + " is not a DuckDB database (its header has no \"DUCK\" at byte " + MAGIC_OFFSET + ")");
        }
    }

    /** Records why the database cannot open, logged once however often it is tried; returns the reason's first line. */
    private String cannotOpen(String reason) {
        String firstLine = reason.lines().findFirst().orElse(reason);
        if (!firstLine.equals(unopenable)) {
            LOG.severe("store cannot open " + file + ": " + firstLine);
        }
        unopenable = firstLine;
        return firstLine;
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

    /**
     * Closes the open database when no connection was in use for {@link #closeWhenUnused}; the next use opens it. The
     * runtime is idle then, so the Java heap an import or audit grew is handed back too ({@link IdleHeap}): nothing else
     * would, an idle runtime running no full collection for hours.
     */
    private void closeIfUnused() {
        synchronized (openOrClose) {
            if (database == null || closed || !pool.drainIfUnusedFor(closeWhenUnused)) {
                return;
            }
            try {
                database.close();
                LOG.info("store closed, unused for " + closeWhenUnused.toSeconds() + " s: " + file + " (it opens again at the next use)");
            } catch (SQLException e) {
                LOG.warning("store did not close cleanly: " + e.getMessage());
            } finally {
                database = null;
                closedUnused = true;
                unusedChecks.cancel(false);
                unusedChecks = null;
                pool.resume();
            }
        }
        try {
            IdleHeap.handBack();
        } catch (RuntimeException e) {
            LOG.warning("the idle heap was not handed back: " + e);
        }
    }

    @Deactivate
    void close() {
        synchronized (openOrClose) {
            closed = true;
            unusedCheck.shutdownNow();
            pool.close(); // before the database: a pooled connection keeps the file open
            if (database != null) {
                try {
                    database.close();
                    LOG.info("store closed: " + file);
                } catch (SQLException e) {
                    LOG.warning("store did not close cleanly: " + e.getMessage());
                }
            }
        }
    }

    /** This process owns the file: DuckDB lets one process write it. */
    @Override
    public boolean shared() {
        return false;
    }

    /**
     * Open, or closed while unused after it opened: ready without taking a connection, so that a load balancer's probes
     * neither open it nor keep it open; the checks made at start find a file moved or replaced meanwhile. Not opened yet,
     * or an open that failed since: it opens for this.
     */
    @Override
    public boolean ready() {
        if (database != null) {
            return true;
        }
        if (closedUnused && unopenable == null) {
            try {
                checkFile();
                return true;
            } catch (IOException e) {
                cannotOpen(e.getMessage() == null ? e.toString() : e.getMessage());
                return false;
            }
        }
        return Database.super.ready();
    }

    /** The open database, opening it at the first call (and again after a failed open). */
    private DuckDBConnection db() throws StoreException {
        DuckDBConnection open = database;
        if (open != null) {
            return open;
        }
        synchronized (openOrClose) {
            if (closed) {
                throw new StoreException("the database at " + file + " is closed: the store is stopping");
            }
            if (database == null) {
                opening = true;
                try {
                    database = open();
                    if (!closeWhenUnused.isZero()) {
                        long every = Math.min(60_000, Math.max(50, closeWhenUnused.toMillis() / 4));
                        unusedChecks = unusedCheck.scheduleWithFixedDelay(this::closeIfUnused, every, every, TimeUnit.MILLISECONDS);
                    }
                } finally {
                    opening = false;
                }
            }
            return database;
        }
    }

    private DuckDBConnection open() throws StoreException {
        long started = System.nanoTime();
        try {
            checkFile();
            Connection connection = new DuckDBDriver().connect("jdbc:duckdb:" + file, new Properties());
            try {
                try (java.sql.Statement settings = connection.createStatement()) {
                    settings.execute("SET checkpoint_threshold = '256MB'");
                    settings.execute("SET threads = " + threads);
                }
                int version = Migrations.migrate(connection);
                LOG.info("store open: DuckDB " + file + ", schema version " + version + ", " + threads + " worker thread(s), in "
                        + (System.nanoTime() - started) / 1_000_000 + " ms");
                unopenable = null;
                return (DuckDBConnection) connection;
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException | IOException | RuntimeException | LinkageError e) {
            String reason = cannotOpen(e.getMessage() == null ? e.toString() : e.getMessage());
            throw new StoreException("the database at " + file + " cannot be opened: " + reason, e);
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
        String reason = unopenable;
        String state = database != null ? "open" : opening ? "opening" : reason != null ? "cannot open: " + reason
                : closedUnused ? "closed while unused, opens at the next use" : "opens at first use";
        return "DuckDB " + file + " (" + state + ")";
    }

    Path file() {
        return file;
    }
}
