package org.senderguard.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Two builds of senderguard under the outbound benchmark's load, in alternating runs of the same
 * run: on a machine whose speed drifts or swings (a shared host), runs of one build minutes apart
 * differ by more than two builds do, so only runs close together in time compare them. Both servers
 * run at once, each on a database and data folder of its own, seeded alike and warmed up; then each
 * pair of runs measures one build right after the other, in the order A B, then B A, and so on, so
 * that a drift within a pair favours neither. It prints every run (decisions per second, p99, CPU per
 * decision of the server and of MariaDB, the mix of actions) and, at the end, the means and in how
 * many pairs each build decided more. The server not measured idles meanwhile. Both remember
 * decisions for {@link #RETENTION} only, so that their decisions stay in MariaDB's memory.
 */
final class BuildComparison {

    private record Build(String name, SenderguardJar.Server server, WrkDriver wrk, List<Run> runs) {
    }

    private record Run(double perSecond, double p99Millis, double serverMicros, double databaseMicros) {
    }

    /**
     * Both databases share MariaDB's buffer pool, and a comparison runs for many minutes: with the
     * default hour, the remembered decisions of both would outgrow a default pool of 128 MB midway,
     * and the later runs would measure that instead.
     */
    private static final String RETENTION = "2m";

    private BuildComparison() {
    }

    /** Compares the jar of {@code SENDERGUARD_BENCH_JAR} (A) with {@code other} (B) over {@code pairs} pairs of runs. */
    static void compare(Path other, int pairs, int seconds, int clients) throws Exception {
        if (!WrkDriver.available()) {
            throw new IllegalStateException("comparing builds needs wrk on the PATH");
        }
        Path dataA = Files.createTempDirectory("senderguard-bench-data");
        Path dataB = Files.createTempDirectory("senderguard-bench-data");
        try (BenchDatabase databaseA = BenchDatabase.create(); BenchDatabase databaseB = BenchDatabase.create()) {
            SenderguardJar jarA = new SenderguardJar(env(databaseA, dataA));
            SenderguardJar jarB = new SenderguardJar(other, env(databaseB, dataB));
            System.out.printf("A: %s%nB: %s%ndecisions remembered for %s%n", jarA.jar(), jarB.jar(), RETENTION);
            try (SenderguardJar.Server serverA = start(jarA, "a"); SenderguardJar.Server serverB = start(jarB, "b")) {
                Build a = build("A", serverA, databaseA);
                Build b = build("B", serverB, databaseB);
                for (Build build : List.of(a, b)) {
                    build.wrk().run(clients, OutboundDecisionBenchmark.WARM_UP);
                }
                try (Connection status = databaseA.connect()) {
                    for (int pair = 0; pair < pairs; pair++) {
                        List<Build> order = pair % 2 == 0 ? List.of(a, b) : List.of(b, a);
                        for (Build build : order) {
                            measure(build, status, pair + 1, seconds, clients);
                        }
                    }
                }
                summarise(a, b, clients);
            }
        } finally {
            Bench.deleteTree(dataA);
            Bench.deleteTree(dataB);
        }
    }

    /** A database's environment for a server, with its data folder and decisions remembered for {@link #RETENTION}. */
    private static Map<String, String> env(BenchDatabase database, Path data) {
        Map<String, String> env = new HashMap<>(database.senderguardEnv());
        env.put("SENDERGUARD_DATA_DIR", data.toString());
        env.put("SENDERGUARD_DECISION_RETENTION", RETENTION);
        return env;
    }

    private static SenderguardJar.Server start(SenderguardJar jar, String name) throws Exception {
        Path log = Files.createTempFile("senderguard-bench-" + name, ".log");
        SenderguardJar.Server server = jar.serve(SenderguardJar.benchJvmOptions(), Bench.freePort(),
                ProcessBuilder.Redirect.to(log.toFile()));
        server.awaitHealthy(Duration.ofSeconds(90));
        System.out.printf("%s log: %s%n", name.toUpperCase(Locale.ROOT), log);
        return server;
    }

    private static Build build(String name, SenderguardJar.Server server, BenchDatabase database) throws Exception {
        List<String> keys = OutboundDecisionBenchmark.seed(database);
        return new Build(name, server, new WrkDriver(server.base(), keys, OutboundDecisionBenchmark.TENANTS,
                OutboundDecisionBenchmark.SENDERS_PER_TENANT), new ArrayList<>());
    }

    private static void measure(Build build, Connection status, int pair, int seconds, int clients) throws Exception {
        ResourceUse use = new ResourceUse(build.server().process().pid(), status);
        use.started();
        WrkDriver.Report report = build.wrk().run(clients, Duration.ofSeconds(seconds));
        use.ended();
        long decisions = report.actions().total();
        Run run = new Run(report.perSecond(), report.p99Millis(), use.serverCpu() * 1e6 / decisions,
                use.databaseCpu() * 1e6 / decisions);
        build.runs().add(run);
        System.out.printf(Locale.ROOT, "pair %d, %s: %,.0f decisions/s, p99 %.1f ms, CPU per decision: server %.0f µs, "
                        + "MariaDB %.0f µs; stolen %.1f s; %s%n", pair, build.name(), run.perSecond(), run.p99Millis(),
                run.serverMicros(), run.databaseMicros(), use.steal(), report.actions());
    }

    private static void summarise(Build a, Build b, int clients) {
        int bFaster = 0;
        for (int i = 0; i < a.runs().size(); i++) {
            if (b.runs().get(i).perSecond() > a.runs().get(i).perSecond()) {
                bFaster++;
            }
        }
        for (Build build : List.of(a, b)) {
            System.out.printf(Locale.ROOT, "%s at %d clients, mean of %d runs: %,.0f decisions/s, p99 %.1f ms, "
                            + "CPU per decision: server %.0f µs, MariaDB %.0f µs%n", build.name(), clients,
                    build.runs().size(), mean(build, Run::perSecond), mean(build, Run::p99Millis),
                    mean(build, Run::serverMicros), mean(build, Run::databaseMicros));
        }
        System.out.printf("B decided more than A in %d of %d pairs%n", bFaster, a.runs().size());
    }

    private static double mean(Build build, ToDoubleFunction<Run> figure) {
        return build.runs().stream().mapToDouble(figure).average().orElse(Double.NaN);
    }
}
