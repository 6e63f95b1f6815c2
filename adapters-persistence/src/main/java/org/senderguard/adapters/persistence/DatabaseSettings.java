package org.senderguard.adapters.persistence;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the database is, from the operator's environment: MariaDB (or any JDBC URL) through
 * {@code SENDERGUARD_DB_URL}, {@code _USER}, {@code _PASSWORD}; otherwise an embedded H2 file
 * database under {@code SENDERGUARD_DATA_DIR} (default {@code ./senderguard-data}).
 */
public record DatabaseSettings(String url, String user, String password) {

    public static final String DEFAULT_DATA_DIR = "./senderguard-data";

    /**
     * How long a transaction waits for a row lock on H2. Its default, two seconds, fails a decision
     * batch that waits behind another on a busy machine; MariaDB waits 50 s (and a decision gives up
     * after SENDERGUARD_DB_TIMEOUT anyway).
     */
    private static final int LOCK_TIMEOUT_MILLIS = 10_000;

    /**
     * H2 settings that make it behave like MariaDB for our schema: MariaDB syntax, lower-case
     * identifiers, case-insensitive text like MariaDB's default collation, and AUTO_SERVER so
     * that a running server and CLI commands can open the same file at the same time.
     */
    private static final String IN_MEMORY_OPTIONS =
            ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;IGNORECASE=TRUE;LOCK_TIMEOUT=" + LOCK_TIMEOUT_MILLIS;
    private static final String EMBEDDED_OPTIONS = IN_MEMORY_OPTIONS + ";AUTO_SERVER=TRUE";

    private static final String H2_FILE = "jdbc:h2:file:";
    /** MariaDB's driver option for server-side prepared statements. */
    private static final String SERVER_PREPARED = "useServerPrepStmts";
    /**
     * How long opening an embedded database is retried: processes opening it at the same moment
     * refuse each other ("Lock file recently modified"), as H2 waits only a few seconds for its lock
     * file to settle.
     */
    private static final long EMBEDDED_OPEN_RETRY_MILLIS = EmbeddedDatabaseSharing.PATIENCE.toMillis();

    public static DatabaseSettings fromEnvironment(Map<String, String> env) {
        String url = env.get("SENDERGUARD_DB_URL");
        if (url != null && !url.isBlank()) {
            return new DatabaseSettings(url.strip(), env.getOrDefault("SENDERGUARD_DB_USER", ""),
                    env.getOrDefault("SENDERGUARD_DB_PASSWORD", ""));
        }
        return embedded(dataDirectory(env));
    }

    /** {@code SENDERGUARD_DATA_DIR}: the embedded database's files, and the server's own (its block-list snapshot). */
    public static Path dataDirectory(Map<String, String> env) {
        String dataDir = env.getOrDefault("SENDERGUARD_DATA_DIR", "");
        return Path.of(dataDir.isBlank() ? DEFAULT_DATA_DIR : dataDir);
    }

    /**
     * The embedded database in {@code dataDir}, created if need be. Its auto-server accepts
     * connections from other processes, so the directory is private to its owner and the database
     * has a random password kept in a private file there.
     */
    public static DatabaseSettings embedded(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        return new DatabaseSettings(H2_FILE + dir.resolve("senderguard") + EMBEDDED_OPTIONS, "sa",
                EmbeddedDatabaseSecret.in(dir));
    }

    /** A private in-memory database, for commands that need no data (help, version). */
    public static DatabaseSettings scratch() {
        return new DatabaseSettings("jdbc:h2:mem:senderguard-scratch" + IN_MEMORY_OPTIONS, "sa", "");
    }

    /** The URL without options, which may carry credentials: safe to show in a message. */
    public String urlWithoutOptions() {
        return url.split("[?;]", 2)[0];
    }

    /** The directory of an embedded H2 file database; empty for any other database. */
    public Optional<Path> embeddedDirectory() {
        String location = urlWithoutOptions();
        return location.startsWith(H2_FILE)
                ? Optional.of(Path.of(location.substring(H2_FILE.length())).toAbsolutePath().getParent())
                : Optional.empty();
    }

    /** Whether a JDBC URL is MariaDB's. */
    static boolean isMariaDb(String url) {
        return url != null && url.startsWith("jdbc:mariadb:");
    }

    /** Whether a JDBC URL is H2's, embedded or in memory. */
    static boolean isH2(String url) {
        return url != null && url.startsWith("jdbc:h2:");
    }

    /** The embedded auto-server listens for other processes; keep it on loopback. Call before H2 loads. */
    public static void bindEmbeddedServerToLoopback() {
        System.setProperty("h2.bindAddress", "127.0.0.1");
    }

    /**
     * The Micronaut properties that configure the default datasource. On MariaDB, statements are
     * prepared on the server unless the URL says otherwise: MariaDB then parses a statement once per
     * connection instead of at every execution, which took a sixth of its CPU time per outbound
     * decision (and a tenth of the server's, which no longer writes the values into the SQL text).
     */
    public Map<String, Object> toProperties() {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "datasources.default.url", url,
                "datasources.default.username", user,
                "datasources.default.password", password));
        if (embeddedDirectory().isPresent()) {
            properties.put("datasources.default.initialization-fail-timeout", EMBEDDED_OPEN_RETRY_MILLIS);
        }
        if (isMariaDb(url) && !url.toLowerCase(Locale.ROOT).contains(SERVER_PREPARED.toLowerCase(Locale.ROOT))) {
            properties.put("datasources.default.data-source-properties." + SERVER_PREPARED, "true");
        }
        return properties;
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + url + ", user " + user + "]";
    }
}
