package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built jar run as an operator runs it: CLI commands and {@code serve} as processes, on one
 * data directory, with the environment given and no other SENDERGUARD_ variable.
 */
final class SenderguardJar {

    private static final Path JAR = Path.of(System.getProperty("senderguard.jar", "target/senderguard.jar"));
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    record Run(int exitCode, String out, String err) {
    }

    private final Path dataDir;
    private final Map<String, String> env;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    SenderguardJar(Path dataDir, Map<String, String> env) {
        this.dataDir = dataDir;
        this.env = env;
    }

    Run cli(String... args) throws Exception {
        return cli(Map.of(), args);
    }

    Run cli(Map<String, String> extraEnv, String... args) throws Exception {
        Process process = start(extraEnv, args).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Runs a command whose standard output goes to {@code out} (a file or a device); out of the result is empty. */
    Run cliWritingTo(Path out, String... args) throws Exception {
        Process process = start(Map.of(), args).redirectOutput(out.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), "", new String(process.getErrorStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    /** Starts {@code serve} on a free port and returns once it answers /health; its output goes to serve.log. */
    Server serve() throws Exception {
        int port = freePort();
        long started = System.nanoTime();
        Process process = start(Map.of(), "serve", "--port", String.valueOf(port))
                .redirectOutput(dataDir.resolve("serve.log").toFile()).redirectErrorStream(true).start();
        Server server = new Server(process, URI.create("http://127.0.0.1:" + port), http);
        server.awaitHealthy(dataDir.resolve("serve.log"));
        System.out.printf("serve answered its first request %d ms after start%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return server;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private ProcessBuilder start(Map<String, String> extraEnv, String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("SENDERGUARD_"));
        Map<String, String> all = new HashMap<>(env);
        all.put("SENDERGUARD_DATA_DIR", dataDir.toString());
        all.putAll(extraEnv);
        builder.environment().putAll(all);
        return builder;
    }

    /** A running {@code serve} and plain HTTP calls to it. */
    record Server(Process process, URI base, HttpClient http) implements AutoCloseable {

        HttpResponse<String> call(String method, String path, String key, String jsonBody) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                    .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(jsonBody));
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            if (jsonBody != null) {
                request.header("Content-Type", "application/json");
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path, String key) throws Exception {
            return call("GET", path, key, null);
        }

        /** @param log the server's output, shown when it exits before it is healthy */
        private void awaitHealthy(Path log) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                assertThat(process.isAlive()).as(() -> "server process exited early (" + process.exitValue()
                        + "); its output:\n" + lastLines(log)).isTrue();
                try {
                    if (get("/health", null).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYetListening) {
                    Thread.sleep(25);
                }
            }
            throw new AssertionError("server did not become healthy within 60 s");
        }

        private static String lastLines(Path log) {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return "(unreadable: " + e + ")";
            }
        }

        /** Stops it as an operator would, with SIGTERM, and checks that it goes. */
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("server stops on SIGTERM").isTrue();
        }
    }
}
