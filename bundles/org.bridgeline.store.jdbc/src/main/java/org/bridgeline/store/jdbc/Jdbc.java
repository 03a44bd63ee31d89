package org.bridgeline.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Statements with their parameters bound, the one place a Java value becomes a SQL parameter. */
final class Jdbc {

    private Jdbc() {
    }

    static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            Object value = parameters.get(i);
            if (value instanceof java.time.LocalDate date) {
                statement.setDate(i + 1, java.sql.Date.valueOf(date));
            } else if (value == null) {
                statement.setNull(i + 1, java.sql.Types.NULL);
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }

    /** Runs an insert, update or delete; returns the rows it changed. */
    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, java.util.Arrays.asList(parameters))) {
            return statement.executeUpdate();
        }
    }

    static java.sql.Timestamp timestamp(java.time.Instant at) {
        return at == null ? null : java.sql.Timestamp.from(at);
    }

    static java.time.Instant instant(java.sql.Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
