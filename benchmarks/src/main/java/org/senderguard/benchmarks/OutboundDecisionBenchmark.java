package org.senderguard.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.senderguard.domain.apikey.ApiKeyToken;

/**
 * Drives {@code POST /api/v1/mail-flow/outbound} over HTTP against the built jar on MariaDB, with
 * 100,000 senders in 100 tenants, and reports decisions per second, latency percentiles and the
 * mix of actions answered. Every decision is committed before it is answered. The figures are meant
 * to be those of counted deliveries: the benchmark fails when fewer than 90 % of the measured
 * decisions delivered, since rejections of restricted senders cost little. The load comes from {@code wrk} when it is on the
 * PATH (a C load generator that leaves most of the machine to the server and its database),
 * otherwise from Java threads in this JVM. The server and the load generator share the machine, so
 * the figures are for both on it.
 *
 * <p>Arguments (all optional): {@code seconds} per run (default 30), {@code clients} (concurrent
 * requests, default 64; a comma-separated list such as {@code 1,16,32,64} runs one after another on
 * the same server, after one warm-up with the most clients); {@code --against JAR} compares the jar
 * with another build in alternating runs at the most clients ({@link BuildComparison}), over
 * {@code --pairs N} pairs (default 3). Environment:
 * {@code SENDERGUARD_BENCH_MARIADB_URL} (default {@code jdbc:mariadb://127.0.0.1:3306/}),
 * {@code _USER} (root), {@code _PASSWORD} (empty), and {@code SENDERGUARD_BENCH_JVM_ARGS} for the
 * server's JVM (e.g. to record a flight recording).
 */
public final class OutboundDecisionBenchmark {

    static final int TENANTS = 100;
    /**
     * Enough that senders picked at random stay under their limits for minutes at 10,000 decisions/s:
     * with 10,000 senders, each sent about 80 messages, 8 of them spam, in the warm-up and one run,
     * and ever more of them passed the default 10 spam messages an hour and were restricted.
     */
    static final int SENDERS_PER_TENANT = 1_000;
    /** Long enough for the server to settle: runs right after a 10- or 30-second warm-up measured it still warming. */
    static final Duration WARM_UP = Duration.ofSeconds(60);

    private OutboundDecisionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        Path against = null;
        int pairs = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--against" -> against = Path.of(args[++i]);
                case "--pairs" -> pairs = Integer.parseInt(args[++i]);
                default -> positional.add(args[i]);
            }
        }
        int seconds = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 30;
        List<Integer> clientCounts = Arrays.stream((positional.size() > 1 ? positional.get(1) : "64").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        int mostClients = clientCounts.stream().max(Integer::compare).orElseThrow();
        if (against != null) {
            BuildComparison.compare(against, pairs, seconds, mostClients);
            return;
        }
        try (BenchDatabase database = BenchDatabase.create()) {
            Path log = Files.createTempFile("senderguard-bench", ".log");
            try (SenderguardJar.Server server = new SenderguardJar(database.senderguardEnv())
                    .serve(SenderguardJar.benchJvmOptions(),
                            Integer.getInteger("senderguard.bench.port", Bench.freePort()), // fixed: to scrape it
                            ProcessBuilder.Redirect.to(log.toFile()))) {
                server.awaitHealthy(Duration.ofSeconds(60));
                measure(database, server, log, seconds, clientCounts, mostClients);
            }
        }
    }

    private static void measure(BenchDatabase database, SenderguardJar.Server server, Path log, int seconds,
                                List<Integer> clientCounts, int mostClients) throws Exception {
        URI base = server.base();
        HttpClient http = server.http();
        List<String> keys = seed(database);
        System.out.printf("seeded %d tenants with %d senders each; server log: %s%n", TENANTS,
                SENDERS_PER_TENANT, log);

        boolean mostlyDelivered = true;
        if (WrkDriver.available()) {
            WrkDriver wrk = new WrkDriver(base, keys, TENANTS, SENDERS_PER_TENANT);
            wrk.run(mostClients, WARM_UP);
            try (Connection status = database.connect()) {
                for (int clients : clientCounts) {
                    ResourceUse use = new ResourceUse(server.process().pid(), status);
                    double hostBefore = HostReference.dependentReadNanos(HostReference.CACHE_SIZED);
                    use.started();
                    WrkDriver.Report report = wrk.run(clients, Duration.ofSeconds(seconds));
                    use.ended();
                    double hostAfter = HostReference.dependentReadNanos(HostReference.CACHE_SIZED);
                    System.out.println(report.text());
                    mostlyDelivered &= reportMix(clients, report.actions());
                    reportCost(clients, report.actions().total(), use);
                    System.out.printf(Locale.ROOT, "host, before and after the run: a read at random in %d MB, each "
                            + "waiting for the one before, %.0f and %.0f ns (17-22 ns when no other machine crowds "
                            + "the caches)%n%n", HostReference.CACHE_SIZED >> 20, hostBefore, hostAfter);
                }
            }
        } else {
            System.out.println("wrk is not on the PATH: driving the load from this JVM, which competes with the "
                    + "server for the cores");
            run(http, base, keys, mostClients, WARM_UP);
            for (int clients : clientCounts) {
                Result result = run(http, base, keys, clients, Duration.ofSeconds(seconds));
                System.out.printf("%d clients, %d s: %d decisions, %.0f decisions/s, p50 %.2f ms, p99 %.2f ms, "
                                + "max %.2f ms, %d errors%n", clients, seconds, result.decisions,
                        result.decisions / (double) seconds, result.percentile(50), result.percentile(99),
                        result.percentile(100), result.errors);
                mostlyDelivered &= reportMix(clients, result.actions);
            }
        }
        if (!mostlyDelivered) {
            throw new IllegalStateException("fewer than " + ActionMix.LEAST_DELIVERED_PERCENT + " % of the measured "
                    + "decisions were counted deliveries: the figures are not those of counted decisions");
        }
    }

    /** Prints the mix of actions; false, with a warning, when too few of them were deliveries. */
    private static boolean reportMix(int clients, ActionMix actions) {
        System.out.printf("%d clients, actions of the measured decisions: %s%n", clients, actions);
        if (actions.mostlyDelivered()) {
            return true;
        }
        System.out.printf("WARNING: fewer than %.0f %% of the measured decisions at %d clients were counted "
                        + "deliveries: senders reached their limits, and rejections of restricted senders cost "
                        + "little; use more senders or shorter runs%n", ActionMix.LEAST_DELIVERED_PERCENT, clients);
        return false;
    }

    /**
     * What a decision cost: CPU time per decision of the server, of MariaDB and of the rest of the
     * machine (wrk, mostly), and MariaDB's statements and commits per decision. On a shared or noisy
     * machine, these compare two builds better than decisions per second do.
     */
    private static void reportCost(int clients, long decisions, ResourceUse use) {
        System.out.printf(Locale.ROOT, "%d clients, CPU per decision: server %.0f µs, MariaDB %.0f µs, other processes "
                        + "(wrk) %.0f µs; MariaDB per decision: %.2f statements, %.3f commits; CPU time stolen by the "
                        + "host: %.1f s%n", clients, use.serverCpu() * 1e6 / decisions,
                use.databaseCpu() * 1e6 / decisions, use.otherCpu() * 1e6 / decisions, use.per("Questions", decisions),
                use.per("Com_commit", decisions), use.steal());
    }

    /** Tenants, their domains and one MAIL_FLOW key each, straight into the schema the server migrated. */
    static List<String> seed(BenchDatabase database) throws SQLException {
        List<String> keys = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (Connection db = database.connect();
             PreparedStatement tenant = db.prepareStatement("INSERT INTO tenant (id, name, unblock_limit, "
                     + "unblock_window_days, block_list_limit, created_at) VALUES (?, ?, 3, 30, 10000, ?)");
             PreparedStatement domain = db.prepareStatement("INSERT INTO tenant_domain (domain, tenant_id) "
                     + "VALUES (?, ?)");
             PreparedStatement key = db.prepareStatement("INSERT INTO api_key (id, tenant_id, role, secret_hash, "
                     + "created_at) VALUES (?, ?, 'MAIL_FLOW', ?, ?)")) {
            for (int t = 0; t < TENANTS; t++) {
                String id = UUID.randomUUID().toString();
                tenant.setString(1, id);
                tenant.setString(2, "bench-" + t);
                tenant.setObject(3, now);
                tenant.executeUpdate();
                domain.setString(1, "bench-" + t + ".example");
                domain.setString(2, id);
                domain.executeUpdate();
                ApiKeyToken token = ApiKeyToken.generate(random);
                key.setString(1, token.id().value());
                key.setString(2, id);
                key.setString(3, token.hash().hex());
                key.setObject(4, now);
                key.executeUpdate();
                keys.add(token.value());
            }
        }
        return keys;
    }

    private static Result run(HttpClient http, URI base, List<String> keys, int clients, Duration duration)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int[] counts = new int[clients];
        ActionMix[] mixes = new ActionMix[clients];
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[2_000_000 / clients + 1];
            latencies.add(mine);
            int client = c;
            mixes[client] = new ActionMix(0, 0, 0, 0);
            Thread thread = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end && counts[client] < mine.length) {
                    int t = random.nextInt(TENANTS);
                    String body = "{\"messageId\":\"" + UUID.randomUUID() + "\",\"sender\":\"user"
                            + random.nextInt(SENDERS_PER_TENANT) + "@bench-" + t + ".example\",\"recipients\":["
                            + "\"a@elsewhere.example\",\"b" + random.nextInt(1000) + "@bench-" + t + ".example\"],"
                            + "\"verdict\":\"" + (random.nextInt(10) == 0 ? "SPAM" : "CLEAN") + "\"}";
                    HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/mail-flow/outbound"))
                            .header("Authorization", "Bearer " + keys.get(t))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        mixes[client] = mixes[client].plus(ActionMix.actionOf(response.statusCode(), response.body()));
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                        mixes[client] = mixes[client].plus((String) null);
                    }
                    mine[counts[client]++] = System.nanoTime() - start;
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies.get(c), 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(total, errors.get(), all,
                Arrays.stream(mixes).reduce(new ActionMix(0, 0, 0, 0), ActionMix::plus));
    }

    private record Result(long decisions, long errors, long[] sortedNanos, ActionMix actions) {

        double percentile(int p) {
            if (sortedNanos.length == 0) {
                return 0;
            }
            int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(p / 100.0 * sortedNanos.length) - 1);
            return sortedNanos[Math.max(0, index)] / 1_000_000.0;
        }
    }
}
