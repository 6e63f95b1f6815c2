package org.senderguard.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
        Path csv = Files.createTempFile("senderguard-import", ".csv");
        try (BenchDatabase database = BenchDatabase.create()) {
            SenderguardJar jar = new SenderguardJar(database.senderguardEnv()).with(Map.of("SENDERGUARD_CDS", "off"));
            write(csv, rows);
            jar.cli("tenant", "list"); // migrates the schema, so that the import times itself only
            long start = System.nanoTime();
            String imported = jar.cli("blocklist", "import", csv.toString());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("import of %,d rows into MariaDB: %.1f s (%,.0f rows/s, whole command): %s%n", rows,
                    seconds, rows / seconds, imported.strip());
            serve(jar);
        } finally {
            Files.deleteIfExists(csv);
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
