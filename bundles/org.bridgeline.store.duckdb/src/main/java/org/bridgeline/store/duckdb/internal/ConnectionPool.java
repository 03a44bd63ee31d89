package org.bridgeline.store.duckdb.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.bridgeline.store.StoreException;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB connections handed back on close and handed out again, with what was prepared on them: each invoice of an
 * import is a unit of work on a connection, and the staged insert of its lines, prepared once per connection instead
 * of once per invoice, saves the store a few milliseconds an invoice. A connection comes back as a new one would be:
 * whatever its unit of work left uncommitted is rolled back and it commits on its own again. The most recently used
 * connection goes out first; a few wait at most, the rest are closed. The pool counts what is on loan, so that an
 * unused database can close ({@link #drainIfUnusedFor}).
 */
final class ConnectionPool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("org.bridgeline.store");

    /** Opens a connection of the database's own. */
    @FunctionalInterface
    interface Opener {
        DuckDBConnection open() throws SQLException, StoreException;
    }

    private final Opener opener;
    private final Path staging;
    private final int idleAtMost;
    private final Deque<Pooled> idle = new ArrayDeque<>();
    private boolean closed;
    /** Connections out on loan, and when the last one came back. */
    private int lent;
    private long lastReturned = System.nanoTime();
    /** While true the database is being closed for want of use: borrowers wait for it to end. */
    private boolean draining;

    ConnectionPool(Opener opener, Path staging, int idleAtMost) {
        this.opener = opener;
        this.staging = staging;
        this.idleAtMost = idleAtMost;
    }

    /** A connection for one unit of work; its close hands it back. */
    Connection borrow() throws SQLException, StoreException {
        Pooled pooled;
        synchronized (this) {
            while (draining && !closed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("interrupted while the unused database closed");
                }
            }
            pooled = idle.pollFirst();
            lent++;
        }
        if (pooled == null) {
            try {
                pooled = new Pooled(opener.open());
            } catch (SQLException | StoreException | RuntimeException e) {
                backFromLoan();
                throw e;
            }
        }
        return (Connection) Proxy.newProxyInstance(ConnectionPool.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Lease(pooled));
    }

    /** The DuckDB connection behind a borrowed one (or the connection itself when it was not borrowed here). */
    static DuckDBConnection duckDb(Connection connection) {
        Optional<Lease> lease = lease(connection);
        return lease.isPresent() ? lease.get().pooled.connection : (DuckDBConnection) connection;
    }

    /**
     * The connection's staged insert into the table with the given leading columns, claimed for one writer of rows;
     * null when the connection was not borrowed here or another writer on it has the insert.
     */
    static StagedInsert claimStagedInsert(Connection connection, String table, List<String[]> columns, int leading)
            throws SQLException {
        Lease lease = lease(connection).orElse(null);
        if (lease == null || lease.returned) {
            return null;
        }
        Pooled pooled = lease.pooled;
        String key = table + '/' + leading;
        StagedInsert insert = pooled.staged.get(key);
        if (insert == null) {
            insert = new StagedInsert(pooled.connection, table, columns, leading, lease.pool().staging);
            pooled.staged.put(key, insert);
        }
        return insert.claim() ? insert : null;
    }

    private static Optional<Lease> lease(Connection connection) {
        return Proxy.isProxyClass(connection.getClass()) && Proxy.getInvocationHandler(connection) instanceof Lease lease
                ? Optional.of(lease) : Optional.empty();
    }

    private synchronized void backFromLoan() {
        lent--;
        lastReturned = System.nanoTime();
    }

    /**
     * When nothing is on loan and nothing came back for {@code unused}, closes the waiting connections and holds new
     * borrowers until {@link #resume()}: the database can then close. False, and nothing changed, otherwise.
     */
    synchronized boolean drainIfUnusedFor(Duration unused) {
        if (closed || lent > 0 || System.nanoTime() - lastReturned < unused.toNanos()) {
            return false;
        }
        draining = true;
        idle.forEach(Pooled::close);
        idle.clear();
        return true;
    }

    /** Lets borrowers in again after {@link #drainIfUnusedFor}. */
    synchronized void resume() {
        draining = false;
        notifyAll();
    }

    private void handBack(Pooled pooled) {
        backFromLoan();
        boolean reusable;
        try {
            if (!pooled.connection.getAutoCommit()) {
                pooled.connection.rollback(); // what the unit of work left open is not kept
                pooled.connection.setAutoCommit(true);
            }
            reusable = !pooled.connection.isClosed();
        } catch (SQLException e) {
            reusable = false;
        }
        synchronized (this) {
            if (reusable && !closed && idle.size() < idleAtMost) {
                idle.addFirst(pooled);
                return;
            }
        }
        pooled.close();
    }

    /** Closes the waiting connections; those still out are closed when handed back. */
    @Override
    public void close() {
        List<Pooled> waiting;
        synchronized (this) {
            closed = true;
            waiting = List.copyOf(idle);
            idle.clear();
            notifyAll();
        }
        waiting.forEach(Pooled::close);
    }

    /** A connection of the pool and the statements prepared on it. */
    private static final class Pooled {
        final DuckDBConnection connection;
        final Map<String, StagedInsert> staged = new HashMap<>();

        Pooled(DuckDBConnection connection) {
            this.connection = connection;
        }

        void close() {
            for (StagedInsert insert : staged.values()) {
                try {
                    insert.close();
                } catch (SQLException e) {
                    LOG.warning(e.getMessage());
                }
            }
            staged.clear();
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warning("a store connection did not close cleanly: " + e.getMessage());
            }
        }
    }

    /** One borrowing of a pooled connection: usable until closed, which hands the connection back. */
    private final class Lease implements InvocationHandler {
        final Pooled pooled;
        volatile boolean returned;

        Lease(Pooled pooled) {
            this.pooled = pooled;
        }

        ConnectionPool pool() {
            return ConnectionPool.this;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close":
                    if (!returned) {
                        returned = true;
                        handBack(pooled);
                    }
                    return null;
                case "isClosed":
                    return returned || pooled.connection.isClosed();
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "pooled " + pooled.connection;
                case "isWrapperFor":
                    return ((Class<?>) args[0]).isInstance(pooled.connection);
                case "unwrap":
                    if (((Class<?>) args[0]).isInstance(pooled.connection)) {
                        return pooled.connection;
                    }
                    break;
                default:
                    break;
            }
            if (returned) {
                throw new SQLException("the connection is closed");
            }
            try {
                return method.invoke(pooled.connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
