package org.senderguard.bootstrap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Postfix of a test's own: Debian's binaries with a configuration, queue and data folder in
 * a fresh temporary folder, its smtpd on a free port of 127.0.0.1, its log in a file of that folder,
 * and its master a child of this JVM, stopped by its pid. The system's Postfix and /etc/postfix are
 * neither used nor touched. It runs as root (its daemons switch to the {@code postfix} user), does
 * no DNS lookups and delivers nothing: accepted mail is relayed to a loopback port nobody listens on
 * ({@link #relayPort()}), so it stays deferred in the queue, and the log names the transport that
 * tried. The smtpd trusts XCLIENT from loopback and has SASL switched on, so that
 * {@code XCLIENT LOGIN=...} makes it pass {@code sasl_username} to policy services.
 *
 * <pre>{@code
 * try (PrivatePostfix postfix = PrivatePostfix.builder()
 *         .mainCf("smtpd_sender_restrictions = check_policy_service inet:127.0.0.1:" + policyPort)
 *         .start()) {
 *     PrivatePostfix.SwaksResult sent = postfix.swaks("--from", "alice@example.com", "--to", "bob@example.net",
 *             "--xclient", "ADDR=203.0.113.7 LOGIN=alice@example.com");
 *     postfix.awaitLog(sent.queueId().orElseThrow() + ": to=<bob@example.net>");
 * }
 * }</pre>
 */
final class PrivatePostfix implements AutoCloseable {

    static final Path POSTFIX = Path.of("/usr/sbin/postfix");
    static final Path POSTCONF = Path.of("/usr/sbin/postconf");
    static final Path SWAKS = Path.of("/usr/bin/swaks");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration LOG_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SWAKS_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern QUEUED = Pattern.compile("250 2\\.0\\.0 Ok: queued as (\\w+)");

    private final Path dir;
    private final int port;
    private final int relayPort;
    private final AtomicInteger swaksRuns = new AtomicInteger();
    private Process master;
    private Thread shutdownHook;

    private PrivatePostfix(Path dir, int port, int relayPort) {
        this.dir = dir;
        this.port = port;
        this.relayPort = relayPort;
    }

    /** Why no private Postfix can be started here, or empty when it can. */
    static Optional<String> unavailableReason() {
        List<String> missing = Stream.of(POSTFIX, POSTCONF, SWAKS).filter(path -> !Files.isExecutable(path))
                .map(Path::toString).toList();
        if (!missing.isEmpty()) {
            return Optional.of(String.join(" and ", missing) + " not installed (apt-get install postfix swaks,"
                    + " choosing 'No configuration')");
        }
        if (saslPlainPlugin().isEmpty()) {
            return Optional.of("Cyrus SASL's PLAIN mechanism is not installed (apt-get install libsasl2-modules):"
                    + " without a mechanism smtpd refuses to run with SASL on");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("a private Postfix runs as root (its daemons switch to the postfix user)");
        }
        return Optional.empty();
    }

    /** Where Debian puts Cyrus SASL's PLAIN plugin (libsasl2-modules): {@code /usr/lib/<architecture>/sasl2}. */
    private static Optional<Path> saslPlainPlugin() {
        try (Stream<Path> libraries = Files.list(Path.of("/usr/lib"))) {
            return Stream.concat(libraries.map(library -> library.resolve("sasl2")),
                            Stream.of(Path.of("/usr/lib/sasl2")))
                    .map(folder -> folder.resolve("libplain.so.2")).filter(Files::exists).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Builder builder() {
        return new Builder();
    }

    /** A private Postfix with the base configuration only. */
    static PrivatePostfix start() throws IOException, InterruptedException {
        return builder().start();
    }

    /** Extra configuration, added after the base configuration (so a later setting wins). */
    static final class Builder {

        private final List<String> mainCf = new ArrayList<>();
        private final List<String> masterCf = new ArrayList<>();

        private Builder() {
        }

        /** Lines for main.cf, e.g. {@code smtpd_end_of_data_restrictions = check_policy_service inet:...}. */
        Builder mainCf(String... lines) {
            mainCf.addAll(List.of(lines));
            return this;
        }

        /** Services for master.cf, e.g. {@code highrisk unix - - n - - smtp -o syslog_name=postfix-highrisk}. */
        Builder masterCf(String... lines) {
            masterCf.addAll(List.of(lines));
            return this;
        }

        /** Writes the configuration, lets Postfix create its folders, starts the master and waits for smtpd. */
        PrivatePostfix start() throws IOException, InterruptedException {
            unavailableReason().ifPresent(reason -> {
                throw new IllegalStateException("cannot start a private Postfix: " + reason);
            });
            Path dir = Files.createTempDirectory("senderguard-postfix");
            // Its daemons run as the postfix user and must reach the queue inside.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            int port = freePort();
            int relayPort = freePort();
            while (relayPort == port) {
                relayPort = freePort();
            }
            PrivatePostfix postfix = new PrivatePostfix(dir, port, relayPort);
            try {
                postfix.configure(mainCf, masterCf);
                postfix.startMaster();
                return postfix;
            } catch (IOException | InterruptedException | RuntimeException e) {
                postfix.close();
                throw e;
            }
        }
    }

    /** The port of its smtpd on 127.0.0.1. */
    int port() {
        return port;
    }

    /**
     * The loopback port accepted mail is relayed to ({@code relayhost} and {@code default_filter_nexthop}):
     * nobody listens there, so delivery is deferred, unless a test listens there to receive it.
     */
    int relayPort() {
        return relayPort;
    }

    /** Its folder: {@code conf/} (main.cf, master.cf), {@code queue/}, {@code data/} and {@code postfix.log}. */
    Path directory() {
        return dir;
    }

    long masterPid() {
        return master.pid();
    }

    /**
     * The live processes of this instance: the master and its daemons, which share the master's
     * process group (the master makes itself a session leader).
     */
    List<Long> processes() {
        return processesInGroup(masterPid());
    }

    /** Everything Postfix logged so far. */
    String log() {
        try {
            Path file = logFile();
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (up to 10 s) until the log has lines containing {@code text}, and returns them. */
    List<String> awaitLog(String text) throws InterruptedException {
        return awaitLog(text, LOG_TIMEOUT);
    }

    /** Waits (up to {@code timeout}) until the log has lines containing {@code text}, and returns them. */
    List<String> awaitLog(String text, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            String log = log();
            List<String> lines = log.lines().filter(line -> line.contains(text)).toList();
            if (!lines.isEmpty()) {
                return lines;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Postfix logged no line containing \"" + text + "\" within " + timeout
                        + "; its log:\n" + log);
            }
            Thread.sleep(50);
        }
    }

    /**
     * Runs {@code swaks --server 127.0.0.1:<port>} with {@code args} (up to 30 s) and returns what it
     * printed, both ways of the SMTP dialogue.
     */
    SwaksResult swaks(String... args) throws IOException, InterruptedException {
        return swaks(SWAKS_TIMEOUT, args);
    }

    SwaksResult swaks(Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SWAKS.toString(), "--server", "127.0.0.1:" + port));
        command.addAll(List.of(args));
        Path transcript = dir.resolve("swaks-" + swaksRuns.incrementAndGet() + ".txt");
        Process swaks = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(transcript.toFile()).start();
        if (!swaks.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            swaks.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
                    + "; it printed:\n" + Files.readString(transcript) + "\nPostfix logged:\n" + log());
        }
        return new SwaksResult(swaks.exitValue(), Files.readString(transcript));
    }

    /** What a swaks run ended with (0 when the message was accepted) and everything it printed. */
    record SwaksResult(int exitCode, String transcript) {

        /** The queue id of the accepted message, from {@code 250 2.0.0 Ok: queued as <id>}. */
        Optional<String> queueId() {
            Matcher matcher = QUEUED.matcher(transcript);
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        }
    }

    /**
     * Stops the master by its pid (SIGTERM, which makes it terminate its process group; SIGKILL
     * after 10 s), makes sure none of its processes is left, and deletes the folder.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        if (master != null) {
            stop();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook stops it anyway.
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private void stop() throws InterruptedException {
        long pid = master.pid();
        master.destroy();
        if (!master.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            master.destroyForcibly().waitFor();
        }
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        while (!processesInGroup(pid).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                killGroup(pid);
                if (!processesInGroup(pid).isEmpty()) {
                    throw new IllegalStateException("Postfix processes " + processesInGroup(pid)
                            + " are still running after its master " + pid + " stopped");
                }
                return;
            }
            Thread.sleep(50);
        }
    }

    private void configure(List<String> extraMainCf, List<String> extraMasterCf)
            throws IOException, InterruptedException {
        Path conf = Files.createDirectory(dir.resolve("conf"));
        // With SASL on, smtpd gives up on every session ("fatal: no SASL authentication mechanisms")
        // unless Cyrus SASL offers it a mechanism. A file of its own, not /etc/postfix/sasl: PLAIN
        // and LOGIN, which no test uses (XCLIENT LOGIN= stands in for a login).
        Files.writeString(Files.createDirectory(conf.resolve("sasl")).resolve("smtpd.conf"),
                "mech_list: PLAIN LOGIN\n");
        List<String> mainCf = new ArrayList<>(List.of(
                "# A private Postfix for a test: loopback only, its own folders, no DNS, nothing delivered.",
                "compatibility_level = 3.6",
                "queue_directory = " + dir.resolve("queue"),
                "data_directory = " + dir.resolve("data"),
                "maillog_file_prefixes = " + dir,
                "maillog_file = " + logFile(),
                "mail_owner = postfix",
                "setgid_group = postdrop",
                "myhostname = mx.senderguard.test",
                "mydestination =",
                "alias_maps =",
                "alias_database =",
                "inet_interfaces = 127.0.0.1",
                "inet_protocols = ipv4",
                "mynetworks = 127.0.0.0/8",
                "smtp_dns_support_level = disabled",
                "smtpd_authorized_xclient_hosts = 127.0.0.0/8",
                "smtpd_sasl_auth_enable = yes",
                "cyrus_sasl_config_path = " + conf.resolve("sasl"),
                "relayhost = [127.0.0.1]:" + relayPort,
                "default_filter_nexthop = [127.0.0.1]:" + relayPort));
        mainCf.addAll(extraMainCf);
        List<String> masterCf = new ArrayList<>(List.of(
                "# service type  private unpriv  chroot  wakeup  maxproc command + args",
                "127.0.0.1:" + port + " inet n - n - - smtpd",
                "pickup    unix  n       -       n       60      1       pickup",
                "cleanup   unix  n       -       n       -       0       cleanup",
                "qmgr      unix  n       -       n       300     1       qmgr",
                "rewrite   unix  -       -       n       -       -       trivial-rewrite",
                "bounce    unix  -       -       n       -       0       bounce",
                "defer     unix  -       -       n       -       0       bounce",
                "trace     unix  -       -       n       -       0       bounce",
                "verify    unix  -       -       n       -       1       verify",
                "flush     unix  n       -       n       1000?   0       flush",
                "proxymap  unix  -       -       n       -       -       proxymap",
                "proxywrite unix -       -       n       -       1       proxymap",
                "smtp      unix  -       -       n       -       -       smtp",
                "relay     unix  -       -       n       -       -       smtp -o syslog_name=postfix/$service_name",
                "showq     unix  n       -       n       -       -       showq",
                "error     unix  -       -       n       -       -       error",
                "retry     unix  -       -       n       -       -       error",
                "discard   unix  -       -       n       -       -       discard",
                "anvil     unix  -       -       n       -       1       anvil",
                "scache    unix  -       -       n       -       1       scache",
                "postlog   unix-dgram n  -       n       -       1       postlogd"));
        masterCf.addAll(extraMasterCf);
        // Postfix waits (in 300 ms steps) before reading a configuration file changed less than a
        // second ago, lest it be half written: dated back, it is read at once by every process.
        FileTime past = FileTime.from(Instant.now().minus(Duration.ofMinutes(1)));
        Files.setLastModifiedTime(Files.write(conf.resolve("main.cf"), mainCf), past);
        Files.setLastModifiedTime(Files.write(conf.resolve("master.cf"), masterCf), past);
        Files.setLastModifiedTime(conf.resolve("sasl/smtpd.conf"), past);
        // The queue folder belongs to root, as /var/spool/postfix does; Postfix creates what it holds,
        // and the data folder, with the owners and modes it wants.
        Files.setPosixFilePermissions(Files.createDirectory(dir.resolve("queue")),
                PosixFilePermissions.fromString("rwxr-xr-x"));
        try {
            run(POSTFIX.toString(), "-c", conf.toString(), "check");
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\nits log:\n" + log(), e);
        }
    }

    private void startMaster() throws IOException, InterruptedException {
        String daemonDirectory = run(POSTCONF.toString(), "-dh", "daemon_directory").strip();
        // Not detached (no -w): the master stays this JVM's child, but leads a session and process
        // group of its own, which its daemons share and its SIGTERM handler terminates.
        master = new ProcessBuilder(Path.of(daemonDirectory, "master").toString(), "-c", dir.resolve("conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("master.out").toFile()).start();
        long pid = master.pid();
        shutdownHook = new Thread(() -> killGroup(pid), "private-postfix-" + pid);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        awaitSmtpd();
    }

    /** Waits until smtpd answers a session: greeting, QUIT. */
    private void awaitSmtpd() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                socket.setSoTimeout(5000);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                String greeting = in.readLine();
                if (greeting != null && greeting.startsWith("220 ")) {
                    OutputStream out = socket.getOutputStream();
                    out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    in.readLine();
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet, or smtpd did not answer.
            }
            if (!master.isAlive() || log().contains(" fatal: ") || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Postfix did not start (master " + (master.isAlive() ? "running"
                        : "exited " + master.exitValue()) + "): its log:\n" + log() + "\nthe master printed:\n"
                        + Files.readString(dir.resolve("master.out")));
            }
            Thread.sleep(50);
        }
    }

    private Path logFile() {
        return dir.resolve("postfix.log");
    }

    /** The live processes whose process group is {@code group} (zombies are not live). */
    private static List<Long> processesInGroup(long group) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(entry -> inGroup(entry, group))
                    .map(entry -> Long.parseLong(entry.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code /proc/<pid>/stat}: "pid (comm) state ppid pgrp ...", where comm may hold anything. */
    private static boolean inGroup(Path process, long group) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return !fields[0].equals("Z") && !fields[0].equals("X") && Long.parseLong(fields[2]) == group;
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    private static void killGroup(long group) {
        processesInGroup(group).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
