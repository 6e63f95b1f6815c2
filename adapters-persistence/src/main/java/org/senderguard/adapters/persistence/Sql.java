package org.senderguard.adapters.persistence;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Plain SQL for the statements a repository interface cannot express (row locks, sums over
 * windows, keyset paging). Runs on the current transaction's connection, or on a connection of its
 * own outside one; a database that cannot be reached fails it as {@link DatabaseAvailability} says.
 * Instants are bound as UTC wall-clock time, like {@link UtcTime}.
 */
@Singleton
class Sql {

    /** Reads one row of a result. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Work on a connection itself, for what a prepared statement cannot do. */
    @FunctionalInterface
    interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    private interface Execution<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private static final int STREAMING_FETCH_SIZE = 1_000;
    /** Rows one statement of {@link #deleteInBatches} deletes at most, so that none holds locks for long. */
    private static final int DELETE_BATCH = 10_000;

    private final ConnectionOperations<Connection> connections;
    private final DatabaseAvailability availability;

    Sql(ConnectionOperations<Connection> connections, DatabaseAvailability availability) {
        this.connections = connections;
        this.availability = availability;
    }

    int update(String sql, Object... params) {
        return run(sql, params, PreparedStatement::executeUpdate);
    }

    /** Deletes the rows of {@code table} whose {@code column} is before {@code olderThan}, in batches. */
    void deleteOlder(String table, String column, Instant olderThan) {
        deleteInBatches(table, column + " < ?", olderThan);
    }

    /** Deletes the rows of {@code table} that meet {@code condition}, a batch per statement. */
    void deleteInBatches(String table, String condition, Object... params) {
        String statement = "DELETE FROM " + table + " WHERE " + condition + " LIMIT " + DELETE_BATCH;
        while (update(statement, params) == DELETE_BATCH) {
            // Next batch.
        }
    }

    <T> List<T> list(String sql, Row<T> row, Object... params) {
        return run(sql, params, statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
                return rows;
            }
        });
    }

    /** Streams a large result row by row instead of holding it in memory. */
    <T> void forEach(String sql, Row<T> row, Consumer<T> sink, Object... params) {
        run(sql, params, statement -> {
            statement.setFetchSize(STREAMING_FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    sink.accept(row.read(rs));
                }
                return null;
            }
        });
    }

    <T> Optional<T> one(String sql, Row<T> row, Object... params) {
        return list(sql, row, params).stream().findFirst();
    }

    /** {@code (?, ?), (?, ?), ...}: {@code count} row values of {@code arity} parameters, for IN lists and VALUES. */
    static String rows(int count, int arity) {
        String row = "(" + String.join(", ", Collections.nCopies(arity, "?")) + ")";
        return String.join(", ", Collections.nCopies(count, row));
    }

    /** A LIKE pattern for values starting with {@code prefix} taken literally, with {@code ESCAPE '!'}. */
    static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return UtcTime.fromColumn(rs.getObject(column, LocalDateTime.class));
    }

    /**
     * Runs one statement for many rows of parameters as a JDBC batch, which the MariaDB driver
     * sends in its bulk protocol: much cheaper than a long multi-row statement for large inserts.
     */
    void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        availability.call(() -> connections.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                for (Object[] row : rows) {
                    bind(statement, row);
                    statement.addBatch();
                }
                return statement.executeBatch();
            } catch (SQLException e) {
                throw new DataAccessException("SQL failed: " + sql + ": " + e.getMessage(), e);
            }
        }));
    }

    /** Runs {@code work} on the current transaction's connection (or one of its own outside one). */
    <T> T withConnection(String what, ConnectionWork<T> work) {
        return availability.call(() -> connections.executeWrite(status -> {
            try {
                return work.run(status.getConnection());
            } catch (SQLException e) {
                throw new DataAccessException(what + " failed: " + e.getMessage(), e);
            }
        }));
    }

    /** A parameter as the database takes it: instants as UTC wall-clock time, enums by name. */
    static Object column(Object param) {
        return param instanceof Instant instant ? UtcTime.toColumn(instant)
                : param instanceof Enum<?> value ? value.name() : param;
    }

    private <T> T run(String sql, Object[] params, Execution<T> work) {
        return availability.call(() -> connections.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                bind(statement, params);
                return work.run(statement);
            } catch (SQLException e) {
                throw new DataAccessException("SQL failed: " + sql + ": " + e.getMessage(), e);
            }
        }));
    }

    private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, column(params[i]));
        }
    }
}
