package org.senderguard.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * postfwd1 (Debian's {@code postfwd}) on a loopback port of its own, with a copy of a rule file
 * in the run's folder. postfwd1 has no foreground mode: it daemonises, and is stopped by the pid
 * it writes to its pid file.
 */
final class Postfwd implements AutoCloseable {

    private final Path pidFile;
    private final long pid;
    private final int port;

    private Postfwd(Path pidFile, long pid, int port) {
        this.pidFile = pidFile;
        this.pid = pid;
        this.port = port;
    }

    static Postfwd start(Path rules, Path runDirectory, int port) throws IOException, InterruptedException {
        Path copy = runDirectory.resolve("postfwd-outbound.cf");
        Files.copy(rules, copy, StandardCopyOption.REPLACE_EXISTING);
        Path pidFile = runDirectory.resolve("postfwd1.pid");
        Files.deleteIfExists(pidFile);
        Process daemon = new ProcessBuilder(List.of("postfwd1", "-d", "-f", copy.toString(), "-i", "127.0.0.1",
                "-p", String.valueOf(port), "-u", "nobody", "-g", "nogroup", "--nodns", "-P",
                "--pidfile", pidFile.toString()))
                .redirectErrorStream(true).redirectOutput(runDirectory.resolve("postfwd1.log").toFile()).start();
        if (!daemon.waitFor(30, TimeUnit.SECONDS) || daemon.exitValue() != 0) {
            daemon.destroy();
            throw new IllegalStateException("postfwd1 did not start; see " + runDirectory.resolve("postfwd1.log"));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.isRegularFile(pidFile) || Files.readString(pidFile).isBlank()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("postfwd1 wrote no pid file " + pidFile);
            }
            Thread.sleep(50);
        }
        Postfwd postfwd = new Postfwd(pidFile, Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII)
                .strip()), port);
        awaitListening(port, Duration.ofSeconds(30));
        return postfwd;
    }

    /** Waits until something accepts connections on the loopback port. */
    static void awaitListening(int port, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("nothing listens on port " + port + " after "
                            + timeout.toSeconds() + " s");
                }
                Thread.sleep(50);
            }
        }
    }

    long pid() {
        return pid;
    }

    int port() {
        return port;
    }

    static String version() {
        try {
            Process version = new ProcessBuilder("postfwd1", "--version").redirectErrorStream(true).start();
            String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            version.waitFor();
            return text.lines().findFirst().orElse("postfwd1");
        } catch (IOException | InterruptedException e) {
            return "postfwd1 (version unknown)";
        }
    }

    /**
     * Stops postfwd1 by its pid (SIGTERM, after 10 s SIGKILL) and removes its pid file; fails when
     * it is still running after that.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(Postfwd::isPostfwd);
        if (process.isPresent()) {
            process.get().destroy();
            try {
                process.get().onExit().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException stillRunning) {
                process.get().destroyForcibly();
                try {
                    process.get().onExit().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    throw new IllegalStateException("postfwd1 (pid " + pid + ") does not stop", e);
                }
            }
        }
        Files.deleteIfExists(pidFile);
    }

    /**
     * Whether the pid is still postfwd1's. Java's view of the command line does not say so: Perl
     * runs it, and postfwd1 rewrites its command line into one string, which only
     * {@code /proc/<pid>/cmdline} shows as it is.
     */
    private static boolean isPostfwd(ProcessHandle process) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(process.pid()), "cmdline")),
                    StandardCharsets.UTF_8).contains("postfwd");
        } catch (IOException gone) {
            return false;
        }
    }
}
