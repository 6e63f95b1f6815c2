package org.senderguard.adapters.persistence;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A fresh, empty database on the MariaDB server the tests use (127.0.0.1:3306, root, no password,
 * unless SENDERGUARD_TEST_MARIADB_URL/_USER/_PASSWORD say otherwise), dropped again on close.
 */
public final class MariaDbTestDatabase implements AutoCloseable {

    static final String SERVER_URL = env("SENDERGUARD_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
    private static final String USER = env("SENDERGUARD_TEST_MARIADB_USER", "root");
    private static final String PASSWORD = env("SENDERGUARD_TEST_MARIADB_PASSWORD", "");

    private final String name;

    private MariaDbTestDatabase(String name) {
        this.name = name;
    }

    public static MariaDbTestDatabase create() {
        byte[] suffix = new byte[6];
        new SecureRandom().nextBytes(suffix);
        MariaDbTestDatabase database = new MariaDbTestDatabase("senderguard_test_" + HexFormat.of().formatHex(suffix));
        database.execute("CREATE DATABASE `" + database.name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return database;
    }

    /** Why MariaDB cannot be used, or empty when it can. */
    static Optional<String> unavailableReason() {
        try (Connection ignored = connect("?connectTimeout=2000")) {
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("MariaDB is not reachable at " + SERVER_URL + " as " + USER + ": " + e.getMessage());
        }
    }

    public DatabaseSettings settings() {
        return new DatabaseSettings(SERVER_URL + name, USER, PASSWORD);
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS `" + name + "`");
    }

    private void execute(String sql) {
        try (Connection connection = connect(""); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(String options) throws SQLException {
        return DriverManager.getConnection(SERVER_URL + options, USER, PASSWORD);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
