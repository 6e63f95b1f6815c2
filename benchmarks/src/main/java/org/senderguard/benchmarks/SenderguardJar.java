package org.senderguard.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built jar ({@code SENDERGUARD_BENCH_JAR}, default {@code bootstrap/target/senderguard.jar}) run
 * with an environment of its own (the database, settings): CLI commands to their end, and
 * {@code serve}.
 */
final class SenderguardJar {

    private final Path jar;
    private final Map<String, String> env;

    SenderguardJar(Map<String, String> env) {
        this(Path.of(Bench.env("SENDERGUARD_BENCH_JAR", "bootstrap/target/senderguard.jar")), env);
    }

    SenderguardJar(Path jar, Map<String, String> env) {
        this.jar = jar;
        this.env = Map.copyOf(env);
    }

    /** This jar with more environment. */
    SenderguardJar with(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(env);
        all.putAll(more);
        return new SenderguardJar(jar, all);
    }

    Path jar() {
        return jar;
    }

    /** The JVM options in {@code SENDERGUARD_BENCH_JVM_ARGS} (separated by spaces), e.g. to record a flight recording. */
    static List<String> benchJvmOptions() {
        String options = Bench.env("SENDERGUARD_BENCH_JVM_ARGS", "").trim();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    /** Runs a CLI command to its end and returns its output; fails with the output when the command fails. */
    String cli(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Bench.javaCommand(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed: " + output);
        }
        return output;
    }

    /** Starts {@code serve} on the HTTP port with the JVM options; its output goes where {@code output} says. */
    Server serve(List<String> jvmOptions, int port, ProcessBuilder.Redirect output) throws IOException {
        List<String> command = new ArrayList<>(List.of(Bench.javaCommand()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "serve", "--port", String.valueOf(port)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output);
        builder.environment().putAll(env);
        return new Server(builder.start(), URI.create("http://127.0.0.1:" + port));
    }

    /** A running {@code serve}; {@link #close()} stops it. */
    static final class Server implements AutoCloseable {

        private final Process process;
        private final URI base;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        private Server(Process process, URI base) {
            this.process = process;
            this.base = base;
        }

        URI base() {
            return base;
        }

        HttpClient http() {
            return http;
        }

        Process process() {
            return process;
        }

        /**
         * The pid of the JVM that serves: {@code serve} runs the server in a child JVM when it uses
         * its class-data-sharing archive, in its own JVM with {@code SENDERGUARD_CDS=off}.
         */
        long serverPid() {
            return process.toHandle().children().findFirst().map(ProcessHandle::pid).orElse(process.pid());
        }

        /** Waits until {@code /health} answers 200; fails when the server exits or does not answer in time. */
        void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server exited with " + process.exitValue() + "; see its log");
                }
                try {
                    if (http.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // Not listening yet.
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("the server did not answer within " + timeout.toSeconds() + " s");
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
