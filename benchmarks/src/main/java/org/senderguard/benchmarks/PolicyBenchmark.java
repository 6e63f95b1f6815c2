package org.senderguard.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * senderguard's Postfix policy server against postfwd1, in the same run, on the same load:
 * whole outbound messages as Postfix's smtpd asks about them (one RCPT request per recipient,
 * then END-OF-MESSAGE with {@code recipient_count}), from 10,000 SASL users in five tenants, over
 * C persistent connections with one request in flight each ({@link PolicyLoad}).
 *
 * <p>It starts both servers: {@code serve} of the built jar with {@code SENDERGUARD_POLICY_PORT}
 * on a fresh MariaDB database of its own (created, seeded with the tenants through the CLI and
 * dropped at the end), and postfwd1 with the equivalent rule set
 * ({@code benchmarks/postfwd-outbound.cf}, limits as senderguard's default policy, counted at
 * END-OF-MESSAGE). It checks once, untimed, that each refuses exactly the message that takes a user
 * past 500 recipients in the hour ({@link PolicyVerify}; senderguard must pass). Then for each C it
 * measures senderguard and then postfwd1 after a warm-up, and prints per server and C: requests
 * and messages per second, latency per request, the mix of answers, and the CPU seconds the
 * server (its process tree), MariaDB and the load generator used in the measured time. Both
 * servers are stopped by pid at the end.
 *
 * <p>Options: {@code --clients 8,32,64}, {@code --seconds 20} (measured per run),
 * {@code --warm-up 5} (before each run), {@code --first-warm-up 30} (each server once, before its
 * first run, at the middle C), {@code --users 10000}, {@code --recipients 1-3} (per message, at
 * random), {@code --rules benchmarks/postfwd-outbound.cf}, {@code --run-dir DIR} (postfwd1's rule
 * file, pid file and log, senderguard's log; default a new temporary folder), {@code --jfr FILE}
 * (a flight recording, with the {@code profile} settings, of senderguard's measured time at the
 * middle C; the server then records with the {@code default} settings from its start, so figures of
 * such a run are not for comparison). Environment as for
 * {@link OutboundDecisionBenchmark}: the MariaDB server, the jar, {@code SENDERGUARD_BENCH_JVM_ARGS}.
 * Needs {@code postfwd1} on the PATH; {@code benchmarks/policy-benchmark.sh} installs it and runs
 * this.
 */
public final class PolicyBenchmark {

    /** senderguard's default policy: external recipients per rolling hour, and per UTC day. */
    private static final int HOURLY_LIMIT = 500;
    private static final int DAILY_LIMIT = 1000;
    private static final String VERIFY_USER = "verify@example.com";
    private static final int VERIFY_RECIPIENTS_PER_MESSAGE = 3;

    private PolicyBenchmark() {
    }

    private record Options(List<Integer> clients, Duration measure, Duration warmUp, Duration firstWarmUp, int users,
                           int fewestRecipients, int mostRecipients, Path rules, Optional<Path> runDirectory,
                           Optional<Path> jfr) {

        static Options parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                if (!args[i].startsWith("--") || i + 1 == args.length) {
                    throw new IllegalArgumentException("expected --option value pairs, got " + Arrays.toString(args));
                }
                given.put(args[i].substring(2), args[++i]);
            }
            String[] recipients = given.getOrDefault("recipients", "1-3").split("-");
            Options options = new Options(
                    Arrays.stream(given.getOrDefault("clients", "8,32,64").split(",")).map(String::trim)
                            .map(Integer::parseInt).toList(),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("seconds", "20"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("warm-up", "5"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("first-warm-up", "30"))),
                    Integer.parseInt(given.getOrDefault("users", "10000")),
                    Integer.parseInt(recipients[0]), Integer.parseInt(recipients[recipients.length - 1]),
                    Path.of(given.getOrDefault("rules", "benchmarks/postfwd-outbound.cf")),
                    Optional.ofNullable(given.get("run-dir")).map(Path::of),
                    Optional.ofNullable(given.get("jfr")).map(Path::of));
            given.keySet().removeAll(List.of("clients", "seconds", "warm-up", "first-warm-up", "users", "recipients",
                    "rules", "run-dir", "jfr"));
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown options: " + given.keySet());
            }
            return options;
        }

        int middleClients() {
            return clients.get(clients.size() / 2);
        }
    }

    /** A server under test: where it listens, which process (tree) is it, how it is checked. */
    private record Target(String name, int port, long pid, boolean restrictsSenders) {

        InetSocketAddress address() {
            return new InetSocketAddress("127.0.0.1", port);
        }
    }

    /** A measured time: its load and what it cost (this JVM's CPU is the load generator's). */
    private record Run(Target target, PolicyLoad.Result load, ResourceUse use) {

        /** A MariaDB counter per message (its RCPT requests and its END-OF-MESSAGE together). */
        double perMessage(String counter) {
            return use.per(counter, load.messages());
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        checkRules(options.rules());
        Path runDirectory = options.runDirectory().isPresent() ? options.runDirectory().get()
                : Files.createTempDirectory("policy-benchmark");
        Files.createDirectories(runDirectory);
        // postfwd1 runs as nobody and reads its rule file from here.
        Files.setPosixFilePermissions(runDirectory, PosixFilePermissions.fromString("rwxr-xr-x"));
        boolean verified;
        try (BenchDatabase database = BenchDatabase.create()) {
            SenderguardJar jar = new SenderguardJar(database.senderguardEnv());
            for (String domain : PolicyMessages.DOMAINS) {
                jar.cli("tenant", "create", "bench-" + domain.replace('.', '-'), "--domain", domain);
            }
            int policyPort = Bench.freePort();
            Path log = runDirectory.resolve("senderguard.log");
            List<String> jvmOptions = new ArrayList<>(SenderguardJar.benchJvmOptions());
            if (options.jfr().isPresent()) {
                // Flight recording from the start, so that starting the measured recording later
                // does not load and compile JFR inside the measured time.
                jvmOptions.add("-XX:StartFlightRecording=name=background,settings=default,maxage=1m");
            }
            try (SenderguardJar.Server senderguard = jar.with(Map.of("SENDERGUARD_POLICY_PORT", String.valueOf(policyPort),
                            // One JVM serves (no child JVM for class-data sharing), so that its pid is the server's.
                            "SENDERGUARD_CDS", "off"))
                    .serve(jvmOptions, Bench.freePort(), ProcessBuilder.Redirect.to(log.toFile()));
                 Postfwd postfwd = Postfwd.start(options.rules(), runDirectory, Bench.freePort())) {
                senderguard.awaitHealthy(Duration.ofSeconds(120));
                Postfwd.awaitListening(policyPort, Duration.ofSeconds(30));
                List<Target> targets = List.of(
                        new Target("senderguard", policyPort, senderguard.serverPid(), true),
                        new Target("postfwd1", postfwd.port(), postfwd.pid(), false));
                printSettings(options, database, jvmOptions, senderguard.serverPid(), runDirectory);
                verified = verify(targets);
                List<Run> runs;
                try (Connection status = database.connect()) {
                    runs = measure(options, targets, status);
                }
                printResults(options, runs);
                printWarnings(log);
            }
        }
        if (!verified) {
            System.out.println("senderguard FAILED the correctness check (see above)");
            System.exit(1);
        }
    }

    /** The rule file must hold senderguard's limits, or the two would not be compared like for like. */
    private static void checkRules(Path rules) throws IOException {
        String text = Files.readString(rules, StandardCharsets.UTF_8);
        Matcher limits = Pattern.compile("(?m)^\\s*action=rcpt\\(sasl_username/(\\d+)/(\\d+)/").matcher(text);
        Map<Integer, Integer> perWindow = new HashMap<>();
        while (limits.find()) {
            perWindow.put(Integer.parseInt(limits.group(2)), Integer.parseInt(limits.group(1)));
        }
        if (!Map.of(3600, HOURLY_LIMIT, 86400, DAILY_LIMIT).equals(perWindow)) {
            throw new IllegalStateException(rules + " must limit sasl_username with rcpt() to " + HOURLY_LIMIT
                    + " per 3600 s and " + DAILY_LIMIT + " per 86400 s, senderguard's default policy; it has "
                    + perWindow);
        }
    }

    private static boolean verify(List<Target> targets) throws IOException {
        System.out.println();
        System.out.println("## Correctness check (not timed)");
        boolean senderguardPassed = true;
        for (Target target : targets) {
            PolicyVerify.Outcome outcome = PolicyVerify.run(target.address(), VERIFY_USER, HOURLY_LIMIT,
                    VERIFY_RECIPIENTS_PER_MESSAGE, target.restrictsSenders());
            System.out.printf("%s: %s: %s%n", target.name(), outcome.passed() ? "PASS" : "FAIL", outcome.report());
            if (target.restrictsSenders()) {
                senderguardPassed &= outcome.passed();
            }
        }
        return senderguardPassed;
    }

    private static List<Run> measure(Options options, List<Target> targets, Connection status) throws Exception {
        int[] connectionNumbers = {0};
        System.out.println();
        for (Target target : targets) {
            System.out.printf("warming up %s: %d s at C=%d%n", target.name(), options.firstWarmUp().toSeconds(),
                    options.middleClients());
            load(options, target, connectionNumbers).run(options.middleClients(), Duration.ZERO,
                    options.firstWarmUp(), new Meter(target.pid(), status, Optional.empty()));
        }
        List<Run> runs = new ArrayList<>();
        for (int clients : options.clients()) {
            for (Target target : targets) {
                Optional<Path> jfr = clients == options.middleClients() && target.restrictsSenders()
                        ? options.jfr() : Optional.empty();
                Meter window = new Meter(target.pid(), status, jfr.map(file -> new Jfr(file,
                        options.measure())));
                PolicyLoad.Result result = load(options, target, connectionNumbers).run(clients, options.warmUp(),
                        options.measure(), window);
                Run run = new Run(target, result, window.use);
                runs.add(run);
                System.out.printf("%s C=%d: %,.0f requests/s, %,.0f messages/s, p99 %.2f ms, errors %d%n",
                        target.name(), clients, result.perSecond(result.requests()),
                        result.perSecond(result.messages()), PolicyLoad.Result.millis(result.sortedNanos(), 99),
                        result.errors());
            }
        }
        return runs;
    }

    private static PolicyLoad load(Options options, Target target, int[] connectionNumbers) {
        return new PolicyLoad(target.address(), number -> new PolicyMessages(
                31L * connectionNumbers[0]++ + target.port(), PolicyMessages.randomUsers(options.users()),
                options.fewestRecipients(), options.mostRecipients()));
    }

    /** A flight recording of the measured time. */
    private record Jfr(Path file, Duration duration) {
    }

    /** The {@link ResourceUse} of a measured time, with a flight recording of it if asked for. */
    private static final class Meter implements PolicyLoad.Window {

        private final long server;
        private final Optional<Jfr> jfr;
        private final ResourceUse use;

        Meter(long server, Connection status, Optional<Jfr> jfr) {
            this.server = server;
            this.jfr = jfr;
            this.use = new ResourceUse(server, status);
        }

        @Override
        public void opened() {
            jfr.ifPresent(recording -> jcmd(server, "JFR.start", "name=policy-benchmark", "settings=profile",
                    "duration=" + recording.duration().toSeconds() + "s",
                    "filename=" + recording.file().toAbsolutePath()));
            use.started();
        }

        @Override
        public void closed() {
            use.ended();
        }
    }

    private static String jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>(List.of("jcmd", String.valueOf(pid)));
        line.addAll(List.of(command));
        try {
            Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            jcmd.waitFor();
            return output;
        } catch (IOException | InterruptedException e) {
            return "jcmd failed: " + e.getMessage();
        }
    }

    private static void printSettings(Options options, BenchDatabase database, List<String> jvmOptions,
                                      long senderguardPid, Path runDirectory) throws SQLException, IOException {
        System.out.println("## Settings");
        System.out.printf("machine: %d cores (%s), load average before the run: %s%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(),
                Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf("load: C = %s persistent connections, one request in flight each, one generator thread "
                        + "(Java NIO) in this JVM; %d s measured per run after %d s of warm-up (each server %d s "
                        + "at C=%d before its first run); %,d SASL users (userNNNNN@domain, sender = login) in %d "
                        + "tenants %s, a user at random per message; %d-%d external recipients per message at "
                        + "random: one RCPT request each, then END-OF-MESSAGE%n",
                options.clients(), options.measure().toSeconds(), options.warmUp().toSeconds(),
                options.firstWarmUp().toSeconds(), options.middleClients(), options.users(),
                PolicyMessages.DOMAINS.size(), PolicyMessages.DOMAINS, options.fewestRecipients(),
                options.mostRecipients());
        System.out.printf("senderguard: %s serve, SENDERGUARD_CDS=off, SENDERGUARD_POLICY_PORT, database %s; "
                        + "JVM options: %s; JVM flags: %s; log: %s%n",
                Bench.env("SENDERGUARD_BENCH_JAR", "bootstrap/target/senderguard.jar"), database.name(),
                jvmOptions.isEmpty() ? "none (defaults)" : String.join(" ", jvmOptions),
                jcmd(senderguardPid, "VM.flags").lines().filter(l -> l.startsWith("-")).findFirst().orElse("?"),
                runDirectory.resolve("senderguard.log"));
        System.out.printf("postfwd1: %s, rules %s (copy in %s)%n", Postfwd.version(), options.rules(), runDirectory);
        try (Connection db = database.connect(); Statement statement = db.createStatement();
             ResultSet variables = statement.executeQuery("SHOW GLOBAL VARIABLES WHERE Variable_name IN ('version', "
                     + "'innodb_buffer_pool_size', 'innodb_flush_log_at_trx_commit', 'sync_binlog', 'log_bin', "
                     + "'innodb_flush_method', 'max_connections')")) {
            List<String> settings = new ArrayList<>();
            while (variables.next()) {
                settings.add(variables.getString(1) + "=" + variables.getString(2));
            }
            System.out.println("MariaDB (the server's settings as installed): " + String.join(", ", settings));
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown model");
        } catch (IOException e) {
            return "unknown model";
        }
    }

    private static void printResults(Options options, List<Run> runs) {
        System.out.println();
        System.out.printf("## Results (%d s measured per row)%n%n", options.measure().toSeconds());
        System.out.println("| server | C | requests/s | messages/s | p50 ms | p99 ms | max ms | END-OF-MESSAGE p99 ms "
                + "| server CPU s | server CPU µs/request | MariaDB CPU s | load generator CPU s | other processes' CPU s "
                + "| stolen by the host s | errors |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (Run run : runs) {
            PolicyLoad.Result load = run.load();
            System.out.printf(Locale.ROOT, "| %s | %d | %,.0f | %,.0f | %.2f | %.2f | %.1f | %.2f | %.1f | %.0f | %.1f "
                            + "| %.1f | %.1f | %.1f | %d%s |%n",
                    run.target().name(), load.connections(), load.perSecond(load.requests()),
                    load.perSecond(load.messages()), PolicyLoad.Result.millis(load.sortedNanos(), 50),
                    PolicyLoad.Result.millis(load.sortedNanos(), 99), PolicyLoad.Result.millis(load.sortedNanos(), 100),
                    PolicyLoad.Result.millis(load.sortedEndOfMessageNanos(), 99), run.use().serverCpu(),
                    load.requests() == 0 ? Double.NaN : run.use().serverCpu() * 1e6 / load.requests(),
                    run.use().databaseCpu(), run.use().selfCpu(), run.use().otherCpu(), run.use().steal(), load.errors(),
                    load.unanswered() > 0 ? " (" + load.unanswered() + " unanswered)" : "");
        }
        System.out.println();
        System.out.println("MariaDB in the measured time (all its clients: senderguard also polls its change feeds "
                + "while postfwd1 is measured):");
        System.out.println();
        System.out.println("| server | C | statements/message | SELECT/message | INSERT+UPDATE/message | SET/message "
                + "| COMMIT/message | InnoDB fsyncs/s |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Run run : runs) {
            PolicyLoad.Result load = run.load();
            System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %,.0f |%n",
                    run.target().name(), load.connections(), run.perMessage("Questions"), run.perMessage("Com_select"),
                    run.perMessage("Com_insert") + run.perMessage("Com_update"), run.perMessage("Com_set_option"),
                    run.perMessage("Com_commit"),
                    load.perSecond(run.use().databaseCounters().getOrDefault("Innodb_data_fsyncs", 0L)));
        }
        System.out.println();
        System.out.println("Answers (all requests; END-OF-MESSAGE alone in the last column):");
        System.out.println();
        StringBuilder header = new StringBuilder("| server | C |");
        for (PolicyAction action : PolicyAction.values()) {
            header.append(' ').append(action.label()).append(" |");
        }
        System.out.println(header.append(" END-OF-MESSAGE answered DUNNO |"));
        System.out.println("|---|---|" + "---|".repeat(PolicyAction.values().length) + "---|");
        boolean delivered = true;
        for (Run run : runs) {
            PolicyLoad.Result load = run.load();
            StringBuilder row = new StringBuilder("| " + run.target().name() + " | " + load.connections() + " |");
            for (PolicyAction action : PolicyAction.values()) {
                long count = load.count(action);
                row.append(String.format(Locale.ROOT, " %,d (%.2f %%) |", count, percent(count, load.requests())));
            }
            long endsDunno = load.count(PolicyMessages.Stage.END_OF_MESSAGE, PolicyAction.DUNNO);
            double share = percent(endsDunno, load.messages());
            delivered &= share >= 90;
            System.out.println(row.append(String.format(Locale.ROOT, " %,d of %,d (%.2f %%) |", endsDunno,
                    load.messages(), share)));
        }
        runs.stream().filter(run -> !run.load().otherActions().isEmpty()).forEach(run -> System.out.printf(
                "other answers of %s at C=%d: %s%n", run.target().name(), run.load().connections(),
                run.load().otherActions()));
        System.out.println();
        System.out.println(delivered
                ? "At least 90 % of the END-OF-MESSAGE requests were answered DUNNO in every row: most messages "
                + "were delivered, as intended."
                : "FEWER than 90 % of the END-OF-MESSAGE requests were answered DUNNO in some row: the limits "
                + "refused more than intended; use more users or shorter runs.");
    }

    /** senderguard's warnings and errors in the run (a policy server that could not decide says so there). */
    private static void printWarnings(Path log) throws IOException {
        List<String> warnings = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList();
        System.out.printf("%nsenderguard logged %d warnings and errors%s%n", warnings.size(),
                warnings.isEmpty() ? "" : ", the first: " + String.join(System.lineSeparator(),
                        warnings.subList(0, Math.min(5, warnings.size()))));
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? Double.NaN : 100.0 * part / whole;
    }
}
