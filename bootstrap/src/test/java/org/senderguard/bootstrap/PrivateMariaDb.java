package org.senderguard.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.senderguard.adapters.persistence.DatabaseSettings;

/**
 * A MariaDB server of a test's own, in a fresh data folder on a free port and socket, so that the
 * test can freeze, kill and restart it without touching the server other tests share.
 */
final class PrivateMariaDb implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path dataDir;
    private final int port;
    private Process server;

    private PrivateMariaDb(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Why no private server can be started here, or empty when it can. */
    static Optional<String> unavailableReason() {
        return executable("mariadbd").isPresent() && executable("mariadb-install-db").isPresent() ? Optional.empty()
                : Optional.of("mariadbd and mariadb-install-db are not installed");
    }

    /** Initialises a data folder with a database {@code senderguard} and starts the server on it. */
    static PrivateMariaDb start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("senderguard-mariadb");
        run(executable("mariadb-install-db").orElseThrow().toString(), "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--user=" + System.getProperty("user.name"), "--auth-root-authentication-method=normal",
                "--skip-test-db");
        PrivateMariaDb database = new PrivateMariaDb(dir, freePort());
        database.restart();
        try (Connection connection = database.connect("")) {
            connection.createStatement().execute(
                    "CREATE DATABASE senderguard CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return database;
    }

    DatabaseSettings settings() {
        return new DatabaseSettings(url("senderguard"), "root", "");
    }

    /** Starts the server (again) on the same data folder and port, and waits until it answers. */
    void restart() throws IOException, InterruptedException {
        server = new ProcessBuilder(executable("mariadbd").orElseThrow().toString(), "--no-defaults",
                "--datadir=" + dataDir.resolve("data"), "--user=" + System.getProperty("user.name"),
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dataDir.resolve("mariadb.sock"),
                "--pid-file=" + dataDir.resolve("mariadb.pid"), "--log-error=" + dataDir.resolve("error.log"),
                "--skip-log-bin", "--skip-name-resolve", "--innodb-buffer-pool-size=32M")
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("console.log").toFile()).start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            try (Connection ignored = connect("")) {
                return;
            } catch (SQLException notYet) {
                if (!server.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("MariaDB did not start: " + Files.readString(
                            dataDir.resolve("error.log")), notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    /** Stops the server answering, connections and all, as a hung machine would (SIGSTOP). */
    void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Lets a frozen server go on (SIGCONT); nothing to do for one that is not frozen or has gone. */
    void thaw() throws IOException, InterruptedException {
        if (server.isAlive()) {
            signal("CONT");
        }
    }

    /** Kills the server outright (SIGKILL), as a crash would. */
    void kill() throws InterruptedException {
        server.destroyForcibly();
        server.waitFor();
    }

    /** A connection of the test's own, outside the application's pool. */
    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database) + "?connectTimeout=2000", "root", "");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (server != null) {
            thaw();
            kill();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }

    private String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    private void signal(String name) throws IOException, InterruptedException {
        run("kill", "-" + name, Long.toString(server.pid()));
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    /** Looks on the PATH, and in the system folders where Debian installs the server. */
    private static Optional<Path> executable(String name) {
        List<String> dirs = Stream.concat(Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":")),
                Stream.of("/usr/sbin", "/usr/local/sbin")).toList();
        return dirs.stream().map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
