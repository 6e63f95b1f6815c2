package org.senderguard.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh database of a benchmark's own on the MariaDB server at
 * {@code SENDERGUARD_BENCH_MARIADB_URL} (default {@code jdbc:mariadb://127.0.0.1:3306/}) as
 * {@code _USER} (root) with {@code _PASSWORD} (empty); dropped on {@link #close()}.
 */
final class BenchDatabase implements AutoCloseable {

    private final String server;
    private final String user;
    private final String password;
    private final String name;

    private BenchDatabase(String server, String user, String password, String name) {
        this.server = server;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    static BenchDatabase create() throws SQLException {
        BenchDatabase database = existing("senderguard_bench_" + UUID.randomUUID().toString().substring(0, 8));
        database.onServer("CREATE DATABASE " + database.name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return database;
    }

    /** A database that exists already on the server; dropped on {@link #close()} like a fresh one. */
    static BenchDatabase existing(String name) {
        return new BenchDatabase(Bench.env("SENDERGUARD_BENCH_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/"),
                Bench.env("SENDERGUARD_BENCH_MARIADB_USER", "root"), Bench.env("SENDERGUARD_BENCH_MARIADB_PASSWORD", ""),
                name);
    }

    String name() {
        return name;
    }

    /** The database's URL, with {@code SENDERGUARD_BENCH_MARIADB_OPTIONS} (such as {@code ?useServerPrepStmts=true}) after it. */
    String url() {
        return server + name + Bench.env("SENDERGUARD_BENCH_MARIADB_OPTIONS", "");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, password);
    }

    /** The environment that points the jar at this database. */
    Map<String, String> senderguardEnv() {
        return Map.of("SENDERGUARD_DB_URL", url(), "SENDERGUARD_DB_USER", user, "SENDERGUARD_DB_PASSWORD", password);
    }

    @Override
    public void close() throws SQLException {
        onServer("DROP DATABASE " + name);
    }

    private void onServer(String sql) throws SQLException {
        try (Connection admin = DriverManager.getConnection(server, user, password);
             Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }
}
