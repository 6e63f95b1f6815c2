package org.senderguard.adapters.persistence;

import io.micronaut.context.annotation.Property;
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
import java.util.Arrays;
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

    /** Reads what an executed statement answered. */
    @FunctionalInterface
    private interface Execution<T> {
        T read(PreparedStatement executed) throws SQLException;
    }

    private static final int STREAMING_FETCH_SIZE = 1_000;
    /** Rows one statement of {@link #deleteInBatches} deletes at most, so that none holds locks for long. */
    private static final int DELETE_BATCH = 10_000;

    /** MariaDB's driver prepares a statement that starts so on the client, which may hold several statements. */
    private static final String CLIENT_PREPARED = "/*client prepare*/";

    private final ConnectionOperations<Connection> connections;
    private final DatabaseAvailability availability;
    /** Whether statements of a transaction may go to the server together ({@link PendingStatements}). */
    private final boolean together;
    /** The statements held back in this thread's explicit transaction; null outside one, or where none are. */
    private final ThreadLocal<PendingStatements> pending = new ThreadLocal<>();

    Sql(ConnectionOperations<Connection> connections, DatabaseAvailability availability,
        @Property(name = "datasources.default.url") String url) {
        this.connections = connections;
        this.availability = availability;
        this.together = DatabaseSettings.sendsStatementsTogether(url);
    }

    int update(String sql, Object... params) {
        return run(sql, params, 0, PreparedStatement::getUpdateCount);
    }

    /**
     * A write whose outcome nobody reads before the commit: in an explicit transaction it goes to the
     * server with the next statement, or with the COMMIT. A failure fails the transaction all the same.
     */
    void updateAtCommit(String sql, Object... params) {
        PendingStatements held = pending.get();
        if (held == null) {
            update(sql, params);
        } else {
            held.add(sql, params);
        }
    }

    /**
     * Begins an explicit transaction on the current connection, which stays in auto-commit mode.
     * Where statements can go together, its START TRANSACTION goes with its first statement, and the
     * writes held for the commit go with the COMMIT: a batch of outbound decisions then costs three
     * round trips to the server instead of six.
     */
    void begin() {
        if (together) {
            pending.set(new PendingStatements());
        } else {
            update(CLIENT_PREPARED + "START TRANSACTION");
        }
    }

    /** Commits the explicit transaction, with the writes held for it; one that sent nothing has nothing to commit. */
    void commit() {
        PendingStatements held = pending.get();
        try {
            if (held == null || held.begun() || held.holdsWrites()) {
                update(CLIENT_PREPARED + "COMMIT");
            }
        } finally {
            pending.remove();
        }
    }

    /** Rolls the explicit transaction back, dropping the writes held for it. */
    void rollBack() {
        PendingStatements held = pending.get();
        if (held != null) {
            held.drop();
        }
        try {
            if (held == null || held.begun()) {
                update(CLIENT_PREPARED + "ROLLBACK");
            }
        } finally {
            pending.remove();
        }
    }

    /** Sends the statements held back now, for work that reaches the connection other than through this class. */
    void sendPending() {
        PendingStatements held = pending.get();
        if (held != null && !held.isEmpty()) {
            PendingStatements.Held statements = held.take();
            execute(statements.text(), statements.params(), 0, statements.count() - 1, executed -> null);
        }
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
        return run(sql, params, 0, statement -> {
            try (ResultSet rs = statement.getResultSet()) {
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
        sendPending(); // a streamed result is read alone
        run(sql, params, STREAMING_FETCH_SIZE, statement -> {
            try (ResultSet rs = statement.getResultSet()) {
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
        sendPending();
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
        sendPending();
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

    /** Runs {@code sql} after the statements held back in this thread's transaction, all in one round trip. */
    private <T> T run(String sql, Object[] params, int fetchSize, Execution<T> work) {
        PendingStatements held = pending.get();
        if (held == null || held.isEmpty()) {
            return execute(sql, params, fetchSize, 0, work);
        }
        PendingStatements.Held before = held.take();
        List<Object> all = new ArrayList<>(Arrays.asList(before.params()));
        all.addAll(Arrays.asList(params));
        return execute(CLIENT_PREPARED + before.text() + ";\n" + sql, all.toArray(), fetchSize, before.count(), work);
    }

    /** Runs a statement text, and reads the answer of its last statement, after the {@code skipped} before it. */
    private <T> T execute(String text, Object[] params, int fetchSize, int skipped, Execution<T> work) {
        return availability.call(() -> connections.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(text)) {
                bind(statement, params);
                if (fetchSize > 0) {
                    statement.setFetchSize(fetchSize);
                }
                statement.execute();
                for (int i = 0; i < skipped; i++) {
                    statement.getMoreResults();
                }
                return work.read(statement);
            } catch (SQLException e) {
                throw new DataAccessException("SQL failed: " + text + ": " + e.getMessage(), e);
            }
        }));
    }

    private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, column(params[i]));
        }
    }
}
