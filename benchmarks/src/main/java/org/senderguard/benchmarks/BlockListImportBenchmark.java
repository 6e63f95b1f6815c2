package org.senderguard.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Imports a generated CSV of {@code rows} block-list entries (default 1,000,000: single IPv4
 * addresses, IPv4 and IPv6 ranges, domains and URLs) into a fresh MariaDB database with the built
 * jar's {@code blocklist import}, then starts {@code serve} on it and reports how long the import
 * took and how long the server took to answer with every entry loaded into its index.
 *
 * <p>Arguments (optional): {@code rows}. Environment as for {@link OutboundDecisionBenchmark}.
 */
public final class BlockListImportBenchmark {

    private BlockListImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        String server = env("SENDERGUARD_BENCH_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/");
        String user = env("SENDERGUARD_BENCH_MARIADB_USER", "root");
        String password = env("SENDERGUARD_BENCH_MARIADB_PASSWORD", "");
        String database = "senderguard_bench_" + UUID.randomUUID().toString().substring(0, 8);
        Path jar = Path.of(env("SENDERGUARD_JAR", "bootstrap/target/senderguard.jar"));
        Path csv = Files.createTempFile("senderguard-import", ".csv");
        try (Connection admin = DriverManager.getConnection(server, user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        Map<String, String> env = Map.of("SENDERGUARD_DB_URL", server + database, "SENDERGUARD_DB_USER", user,
                "SENDERGUARD_DB_PASSWORD", password, "SENDERGUARD_CDS", "off");
        try {
            write(csv, rows);
            run(jar, env, List.of("tenant", "list")); // migrates the schema, so that the import times itself only
            long start = System.nanoTime();
            String imported = run(jar, env, List.of("blocklist", "import", csv.toString()));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("import of %,d rows into MariaDB: %.1f s (%,.0f rows/s, whole command): %s%n", rows,
                    seconds, rows / seconds, imported.strip());
            serve(jar, env);
        } finally {
            Files.deleteIfExists(csv);
            try (Connection admin = DriverManager.getConnection(server, user, password);
                 Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE " + database);
            }
        }
    }

    /** About 70 % single IPv4 addresses, 10 % IPv4 ranges, 5 % IPv6 ranges, 10 % domains, 5 % URLs. */
    private static void write(Path csv, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("type,value,reason,expiresAt,notes\n");
            for (int i = 0; i < rows; i++) {
                int kind = i % 20;
                String line;
                if (kind < 14) {
                    line = "IP," + (10 + (i >>> 24)) + "." + ((i >>> 16) & 255) + "." + ((i >>> 8) & 255) + "."
                            + (i & 255);
                } else if (kind < 16) {
                    int network = ((i / 20) * 2 + kind - 14) << 5;
                    line = "IP," + (100 + (network >>> 24)) + "." + ((network >>> 16) & 255) + "."
                            + ((network >>> 8) & 255) + "." + (network & 255) + "/27";
                } else if (kind == 16) {
                    line = "IP,2001:db8:" + Integer.toHexString(i >>> 16) + ":" + Integer.toHexString(i & 0xffff)
                            + "::/64";
                } else if (kind < 19) {
                    line = "DOMAIN," + (kind == 17 ? "" : "*.") + "spam" + i + ".example";
                } else {
                    line = "URL,http://site" + i + ".example/landing/" + i;
                }
                out.write(line + ",feed,,\n");
            }
        }
    }

    private static void serve(Path jar, Map<String, String> env) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(javaCommand(), "-jar", jar.toString(), "serve", "--port",
                String.valueOf(port)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI health = URI.create("http://127.0.0.1:" + port + "/health");
            while (true) {
                try {
                    if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    Thread.sleep(50);
                }
            }
            System.out.printf("serve answered with the lists loaded %.1f s after start%n",
                    (System.nanoTime() - start) / 1e9);
            Process heap = new ProcessBuilder("jcmd", String.valueOf(childOrSelf(process)), "GC.heap_info")
                    .redirectErrorStream(true).start();
            System.out.println(new String(heap.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static long childOrSelf(Process process) {
        return process.toHandle().children().findFirst().map(ProcessHandle::pid).orElse(process.pid());
    }

    private static String run(Path jar, Map<String, String> env, List<String> args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(javaCommand(), "-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed: " + output);
        }
        return output;
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
