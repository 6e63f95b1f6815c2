package org.senderguard.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.senderguard.domain.blocklist.ListingKeys;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.Sha256;

/**
 * Imports a generated CSV of {@code rows} block-list entries (default 1,000,000: single IPv4
 * addresses, IPv4 and IPv6 ranges, domains and URLs) into a fresh MariaDB database with the built
 * jar's {@code blocklist import} (LOAD DATA LOCAL INFILE), times {@code blocklist lookup} on the
 * result against a command that does not read the list, imports it again with a later expiry on
 * every row (a feed refreshed before its entries expire: nothing added, every entry extended), and
 * starts {@code serve} on it to report
 * how long the server took to answer with every entry loaded into its index. MariaDB loads an empty
 * table in bulk (each index sorted once); so the same file is then imported into another fresh
 * database that holds one entry already, which it loads row by row. Then, for at most two
 * million rows, imports the same file into another fresh database with LOAD DATA switched off in
 * the driver ({@code allowLocalInfile=false}): the portable path of multi-row INSERTs, which the
 * embedded database takes, for comparison.
 *
 * <p>Arguments (optional): {@code rows}, and {@code --no-serve} to skip starting the server; or
 * {@code --lookups DATABASE} to time only the lookups, on a database of the MariaDB server that
 * holds a list already. Environment as for {@link OutboundDecisionBenchmark}.
 */
public final class BlockListImportBenchmark {

    private static final int PORTABLE_AT_MOST = 2_000_000;
    private static final int LOOKUP_RUNS = 3;
    /** A listed IPv4 address, a listed URL, and an IPv6 address: 33, 15 and 129 keys. */
    private static final List<String> PROBES = List.of("10.0.1.2", "http://site19.example/landing/19/page",
            "2001:db8:10:14::1");

    private BlockListImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--lookups")) {
            BenchDatabase database = BenchDatabase.existing(args[1]);
            lookups(new SenderguardJar(database.senderguardEnv()).with(Map.of("SENDERGUARD_CDS", "off")), database);
            return;
        }
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        boolean serve = !List.of(args).contains("--no-serve");
        Path csv = Files.createTempFile("senderguard-import", ".csv");
        Path refreshed = Files.createTempFile("senderguard-import-refreshed", ".csv");
        try {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            write(csv, rows, today.plusYears(1));
            write(refreshed, rows, today.plusYears(2));
            try (BenchDatabase database = BenchDatabase.create()) {
                SenderguardJar jar = new SenderguardJar(database.senderguardEnv()).with(Map.of("SENDERGUARD_CDS", "off"));
                importInto(jar, csv, rows, "LOAD DATA LOCAL INFILE, empty table (bulk insert)");
                importInto(jar, refreshed, rows, "nothing new, every entry given a later expiry (a feed refreshed)");
                lookups(jar, database);
                if (serve) {
                    serve(jar);
                }
            }
            try (BenchDatabase database = BenchDatabase.create()) {
                SenderguardJar jar = new SenderguardJar(database.senderguardEnv()).with(Map.of("SENDERGUARD_CDS", "off"));
                Path one = Files.createTempFile("senderguard-import-one", ".csv");
                try {
                    Files.writeString(one, "type,value,reason,expiresAt,notes\nIP,198.51.100.1,feed,,\n");
                    jar.cli("blocklist", "import", one.toString());
                } finally {
                    Files.deleteIfExists(one);
                }
                importInto(jar, csv, rows, "LOAD DATA LOCAL INFILE, table holding an entry (row by row)");
            }
            if (rows <= PORTABLE_AT_MOST) {
                try (BenchDatabase database = BenchDatabase.create()) {
                    SenderguardJar jar = new SenderguardJar(database.senderguardEnv()).with(Map.of(
                            "SENDERGUARD_CDS", "off", "SENDERGUARD_DB_URL", database.url() + "?allowLocalInfile=false"));
                    importInto(jar, csv, rows, "multi-row INSERTs");
                }
            }
        } finally {
            Files.deleteIfExists(csv);
            Files.deleteIfExists(refreshed);
        }
    }

    private static void importInto(SenderguardJar jar, Path csv, int rows, String path) throws Exception {
        jar.cli("tenant", "list"); // migrates the schema, so that the import times itself only
        long start = System.nanoTime();
        String imported = jar.cli("blocklist", "import", csv.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("import of %,d rows into MariaDB through %s: %.1f s (%,.0f rows/s, whole command): %s%n",
                rows, path, seconds, rows / seconds, imported.strip());
    }

    /**
     * The median of a few runs of {@code blocklist lookup} for each probe, beside {@code tenant list}:
     * both start a JVM, open the database and check its schema, so the difference is what the lookup
     * itself costs, when the machine is quiet enough for the difference to show. Then the lookup's
     * query on its own, as {@code JdbcBlockListStore.findActiveByKeys} makes it for the CLI: its
     * first run, and the median of the next ones.
     */
    private static void lookups(SenderguardJar jar, BenchDatabase database) throws Exception {
        double baseline = median(jar, "tenant", "list");
        System.out.printf("tenant list (JVM start, database, schema check): %.2f s%n", baseline);
        for (String value : PROBES) {
            double seconds = median(jar, "blocklist", "lookup", value, "--output", "json");
            System.out.printf("blocklist lookup %s: %.2f s (%+.2f s)%n", value, seconds, seconds - baseline);
        }
        try (Connection connection = database.connect()) {
            for (String value : PROBES) {
                Set<ListingKeys.Key> keys = ListingKeys.of(Probe.parse(value)).keys();
                List<Double> runs = new ArrayList<>();
                int found = 0;
                for (int i = 0; i <= LOOKUP_RUNS; i++) {
                    long start = System.nanoTime();
                    found = lookupQuery(connection, keys);
                    runs.add((System.nanoTime() - start) / 1e6);
                }
                double first = runs.remove(0);
                Collections.sort(runs);
                System.out.printf("lookup query for %s (%d keys, %d found): first %.1f ms, then %.1f ms%n", value,
                        keys.size(), found, first, runs.get(runs.size() / 2));
            }
        }
    }

    /** The query `blocklist lookup` sends: by list, value prefix (the benchmark's values are short and lower case) and hash. */
    private static int lookupQuery(Connection connection, Set<ListingKeys.Key> keys)
            throws SQLException {
        String sql = "SELECT * FROM block_list_entry WHERE (list_key, value_prefix, value_hash) IN ("
                + String.join(", ", Collections.nCopies(keys.size(), "(?, ?, ?)"))
                + ") AND (expires_at IS NULL OR expires_at > ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            for (ListingKeys.Key key : keys) {
                statement.setString(i++, "service");
                statement.setString(i++, key.value());
                statement.setString(i++, Sha256.hex(key.type() + ":" + key.value()));
            }
            statement.setObject(i, LocalDateTime.now(ZoneOffset.UTC));
            int found = 0;
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found++;
                }
            }
            return found;
        }
    }

    private static double median(SenderguardJar jar, String... args) throws Exception {
        List<Double> runs = new ArrayList<>();
        for (int i = 0; i < LOOKUP_RUNS; i++) {
            long start = System.nanoTime();
            jar.cli(args);
            runs.add((System.nanoTime() - start) / 1e9);
        }
        Collections.sort(runs);
        return runs.get(LOOKUP_RUNS / 2);
    }

    /** About 70 % single IPv4 addresses, 10 % IPv4 ranges, 5 % IPv6 ranges, 10 % domains, 5 % URLs. */
    /** Every row expiring at the end of {@code expiry}. */
    private static void write(Path csv, int rows, LocalDate expiry) throws IOException {
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
                out.write(line + ",feed," + expiry + ",\n");
            }
        }
    }

    private static void serve(SenderguardJar jar) throws Exception {
        long start = System.nanoTime();
        try (SenderguardJar.Server server = jar.serve(List.of(), Bench.freePort(), ProcessBuilder.Redirect.DISCARD)) {
            server.awaitHealthy(Duration.ofMinutes(10));
            System.out.printf("serve answered with the lists loaded %.1f s after start%n",
                    (System.nanoTime() - start) / 1e9);
            Process heap = new ProcessBuilder("jcmd", String.valueOf(server.serverPid()), "GC.heap_info")
                    .redirectErrorStream(true).start();
            System.out.println(new String(heap.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }
}
