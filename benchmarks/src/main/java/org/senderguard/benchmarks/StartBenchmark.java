package org.senderguard.benchmarks;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.senderguard.domain.common.Sha256;

/**
 * How long {@code serve} takes on a big service list: fills a fresh MariaDB database with
 * {@code entries} service-list entries (default 1,000,000, mixed as in {@link BlockListImportBenchmark})
 * straight through JDBC, then starts the built jar twice, each time timing from the process's
 * start to {@code /health} answering 200 and to the first inbound decision answered (its client
 * address is listed): first without a snapshot (the lists come from the database), then with the
 * snapshot the first start wrote. Reports the heap in use after each start. Both starts run
 * without the class-data-sharing archive, so that only the lists make the difference.
 *
 * <p>Arguments (optional): {@code entries}. Environment as for {@link OutboundDecisionBenchmark}.
 */
public final class StartBenchmark {

    private static final int ROWS_PER_STATEMENT = 1_000;
    private static final String LISTED = "10.0.0.5";
    private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"");

    private StartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dataDir = Files.createTempDirectory("senderguard-start");
        try (BenchDatabase database = BenchDatabase.create()) {
            SenderguardJar jar = new SenderguardJar(database.senderguardEnv())
                    .with(Map.of("SENDERGUARD_CDS", "off", "SENDERGUARD_DATA_DIR", dataDir.toString()));
            jar.cli("tenant", "create", "bench", "--domain", "bench.example"); // also migrates the schema
            Matcher key = KEY.matcher(jar.cli("api-key", "create", "--tenant", "bench", "--role", "MAIL_FLOW",
                    "--output", "json"));
            if (!key.find()) {
                throw new IllegalStateException("no API key was printed");
            }
            long filling = System.nanoTime();
            fill(database, entries);
            System.out.printf("filled MariaDB with %,d service-list entries in %.1f s%n", entries,
                    (System.nanoTime() - filling) / 1e9);
            Path snapshot = dataDir.resolve("blocklists.snapshot");
            start(jar, key.group(1), "without a snapshot", dataDir.resolve("first.log"));
            System.out.printf("snapshot written: %,d bytes%n", Files.size(snapshot));
            start(jar, key.group(1), "with the snapshot", dataDir.resolve("second.log"));
        } finally {
            Bench.deleteTree(dataDir);
        }
    }

    private static void start(SenderguardJar jar, String key, String what, Path log) throws Exception {
        long started = System.nanoTime();
        try (SenderguardJar.Server server = jar.serve(List.of(), Bench.freePort(), ProcessBuilder.Redirect.to(log.toFile()))) {
            server.awaitHealthy(Duration.ofMinutes(10));
            double healthy = (System.nanoTime() - started) / 1e9;
            HttpRequest decision = HttpRequest.newBuilder(server.base().resolve("/api/v1/mail-flow/inbound"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"messageId\":\"<start@bench>\",\"sender\":"
                            + "\"someone@elsewhere.example\",\"clientIp\":\"" + LISTED + "\",\"recipients\":"
                            + "[\"inbox@bench.example\"],\"urls\":[]}")).build();
            HttpResponse<String> answer;
            do {
                answer = server.http().send(decision, HttpResponse.BodyHandlers.ofString());
            } while (answer.statusCode() == 503);
            double decided = (System.nanoTime() - started) / 1e9;
            if (!answer.body().contains("\"REJECT\"")) {
                throw new IllegalStateException("the listed client was not refused: " + answer.body());
            }
            System.out.printf("%s: /health 200 after %.1f s, first decision (REJECT) after %.1f s%n", what, healthy,
                    decided);
            jcmd(server.serverPid(), "GC.run");
            System.out.println("  heap after a full GC: " + jcmd(server.serverPid(), "GC.heap_info").lines()
                    .filter(line -> line.contains("used")).findFirst().orElse("?").strip());
        }
        Files.readAllLines(log).stream().filter(line -> line.contains("block lists loaded"))
                .forEach(line -> System.out.println("  " + line.strip()));
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process process = new ProcessBuilder("jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Multi-row INSERTs of canonical values under list version 1, committed every 50 statements. */
    private static void fill(BenchDatabase database, int entries) throws Exception {
        String row = "(?, NULL, 'service', ?, ?, ?, ?, 'feed', 'IMPORT', 'bench', ?, NULL, NULL, TRUE, 1, NULL)";
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (Statement settings = connection.createStatement()) {
                settings.execute("SET unique_checks = 0");
            }
            for (int first = 0; first < entries; first += ROWS_PER_STATEMENT) {
                int count = Math.min(ROWS_PER_STATEMENT, entries - first);
                String sql = "INSERT INTO block_list_entry (id, tenant_id, list_key, entry_type, entry_value, "
                        + "value_hash, value_prefix, reason, source, created_by, created_at, expires_at, notes, "
                        + "delistable, version, ip_exceptions) VALUES " + String.join(",", java.util.Collections.nCopies(count, row));
                try (PreparedStatement insert = connection.prepareStatement(sql)) {
                    int p = 1;
                    for (int i = first; i < first + count; i++) {
                        String[] entry = entry(i);
                        insert.setString(p++, UUID.randomUUID().toString());
                        insert.setString(p++, entry[0]);
                        insert.setString(p++, entry[1]);
                        insert.setString(p++, Sha256.hex(entry[0] + ":" + entry[1]));
                        insert.setString(p++, entry[1]);
                        insert.setTimestamp(p++, now);
                    }
                    insert.executeUpdate();
                }
                if ((first / ROWS_PER_STATEMENT) % 50 == 49) {
                    connection.commit();
                }
            }
            try (Statement version = connection.createStatement()) {
                version.execute("UPDATE block_list_version SET version = 1 WHERE id = 1");
            }
            connection.commit();
        }
    }

    /** Type and canonical value: 70 % single IPv4 addresses, 10 % IPv4 /27s, 5 % IPv6 /64s, 10 % domains, 5 % URLs. */
    private static String[] entry(int i) {
        int kind = i % 20;
        if (kind < 14) {
            return new String[] {"IP", (10 + (i >>> 24)) + "." + ((i >>> 16) & 255) + "." + ((i >>> 8) & 255) + "."
                    + (i & 255)};
        }
        if (kind < 16) {
            int network = ((i / 20) * 2 + kind - 14) << 5;
            return new String[] {"IP", (100 + (network >>> 24)) + "." + ((network >>> 16) & 255) + "."
                    + ((network >>> 8) & 255) + "." + (network & 255) + "/27"};
        }
        if (kind == 16) {
            // Both groups non-zero, so that the canonical text compresses nothing.
            return new String[] {"IP", "2001:db8:" + Integer.toHexString(1 + (i >>> 15)) + ":"
                    + Integer.toHexString(1 + (i & 0x7fff)) + "::/64"};
        }
        if (kind < 19) {
            return new String[] {"DOMAIN", (kind == 17 ? "" : "*.") + "spam" + i + ".example"};
        }
        return new String[] {"URL", "site" + i + ".example/landing/" + i};
    }
}
