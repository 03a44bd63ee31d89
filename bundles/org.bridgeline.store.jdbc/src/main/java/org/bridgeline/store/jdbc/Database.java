package org.bridgeline.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.bridgeline.store.StoreException;
import org.bridgeline.store.Tenants;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * One relational database behind the store's roles: what differs between engines, and nothing
 * else. The roles' SQL is the same on every engine; the schema comes from the same versioned
 * migrations ({@link Migrations}), each engine adding its own companion scripts.
 */
@ConsumerType
public interface Database {

    /** What the operator is told the store is: the engine, where, and whether it is open. */
    String description();

    /**
     * Whether processes other than this one may write to the database (a server database). An embedded one is this
     * process's alone: what it holds, this process wrote.
     */
    default boolean shared() {
        return true;
    }

    /**
     * Whether the database can be used now: by default, whether a connection can be had. An engine that opens at first
     * use opens for this; one that knows it can be used may answer without taking a connection.
     */
    default boolean ready() {
        try (Connection connection = connect(Tenants.DEFAULT)) {
            return !connection.isClosed();
        } catch (StoreException | SQLException e) {
            return false;
        }
    }

    /**
     * A connection of the caller's own, bound to the tenant: where the engine can, it returns the
     * tenant's rows only whatever a query says. The caller closes it.
     */
    Connection connect(String tenant) throws StoreException;

    /** Rows appended in bulk to a table, in its declared column order, inside the connection's open transaction. */
    BulkRows bulk(Connection connection, String table) throws SQLException;

    /**
     * Whether the engine encodes a table's rows apart from a connection ({@link #encoder}) and takes rows whose
     * leading columns are given once ({@link #bulk(Connection, String, List)}).
     */
    default boolean encodesRows() {
        return false;
    }

    /**
     * An encoder of the table's rows without their first {@code leading} columns, whose values
     * {@link #bulk(Connection, String, List)} gives when the rows are written. Only where {@link #encodesRows}.
     */
    default RowEncoder encoder(String table, int leading) {
        throw new UnsupportedOperationException(description() + " encodes no rows");
    }

    /**
     * Rows appended in bulk to a table whose first columns are {@code leading} in every row: each row gives
     * the values after them, appended one by one or encoded by {@link #encoder}. Only where {@link #encodesRows}.
     */
    default BulkRows bulk(Connection connection, String table, List<Object> leading) throws SQLException {
        throw new SQLException(description() + " encodes no rows");
    }

    /**
     * Holds the key in the connection's open transaction until it commits or rolls back, so that two
     * writers of the same key (two runtimes storing one invoice) take turns. A database with one
     * writing process may do nothing.
     */
    void serialize(Connection connection, String key) throws SQLException;

    /**
     * What ends a query that claims rows for the transaction: it locks the rows it returns and passes
     * over rows another transaction holds ({@code FOR UPDATE SKIP LOCKED}), so that claimers never
     * take the same row nor wait for each other. Empty for an engine with one writing process.
     */
    default String claimingRows() {
        return "";
    }

    /**
     * An expression of one number hashed from the values of the expressions, or empty where the engine has none: a
     * query looking for the few rows whose values repeat among millions groups them by it first. Equal values give the
     * same number; different values seldom do, and the query must not rely on it.
     */
    default Optional<String> hashOf(List<String> expressions) {
        return Optional.empty();
    }

    /**
     * Holds the tenant's named activity (an audit) exclusively until closed, across every process
     * using the database: a second caller waits.
     */
    Hold exclusive(String tenant, String activity) throws StoreException;

    /** An exclusive hold, released on close. */
    @FunctionalInterface
    interface Hold extends AutoCloseable {
        @Override
        void close() throws StoreException;
    }

    /** A unit of work on a connection of its own. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException, StoreException;
    }

    /** Work that streams its results to a consumer, however many rows they are. */
    @FunctionalInterface
    interface Stream {
        void run(Connection connection) throws SQLException, StoreException;
    }

    /** Runs the work on a connection of its own bound to the tenant; a database error names what failed. */
    default <T> T with(String tenant, String failing, Work<T> work) throws StoreException {
        try (Connection connection = connect(tenant)) {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(failing, e);
        }
    }

    /**
     * Runs work that streams rows to a consumer; an engine whose driver would otherwise buffer the
     * whole result (pgJDBC outside a transaction) reads it in a transaction of its own, in batches.
     */
    default void stream(String tenant, String failing, Stream work) throws StoreException {
        with(tenant, failing, connection -> {
            work.run(connection);
            return null;
        });
    }

    /** A database error as an operator reads it: what failed, and the database's first line. */
    static StoreException failure(String what, SQLException e) {
        String message = e.getMessage() == null ? "database error" : e.getMessage().lines().findFirst().orElse("database error");
        return new StoreException(what + ": " + message, e);
    }
}
