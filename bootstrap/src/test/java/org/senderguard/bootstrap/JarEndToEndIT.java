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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar as an operator runs it: CLI commands as processes, {@code serve} as a process, and
 * plain HTTP calls, all on one embedded database that CLI and server share.
 */
class JarEndToEndIT {

    private static final Path JAR = Path.of(System.getProperty("senderguard.jar", "target/senderguard.jar"));
    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    private static final Pattern KEY = Pattern.compile("\"key\":\"(sg_([0-9a-f]{16})_[^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dataDir;

    @Test
    void operatorCreatesTenantAndKeyThenAdminCallsTheApi() throws Exception {
        Run tenant = run("tenant", "create", "acme", "--domain", "Acme.Example", "--output", "json");
        assertThat(tenant.exitCode).as(tenant.err).isZero();
        assertThat(tenant.out.strip()).startsWith("{\"id\":").contains("\"name\":\"acme\"")
                .contains("\"domains\":[\"acme.example\"]");

        Run badName = run("tenant", "create", "Not Valid", "--domain", "x.example");
        Run badDomain = run("tenant", "create", "valid-name", "--domain", "x..example");
        Run badRole = run("api-key", "create", "--tenant", "acme", "--role", "ROOT");
        for (Run bad : List.of(badName, badDomain, badRole)) {
            assertThat(bad.exitCode).isEqualTo(2);
            assertThat(bad.err.strip()).doesNotContain("\n").doesNotContain("Exception").isNotEmpty();
        }
        assertThat(run("tenant", "list", "--output", "json").out).contains("acme").doesNotContain("valid-name");

        String key = key(run("api-key", "create", "--tenant", "acme", "--role", "GLOBAL_ADMIN", "--output", "json"));

        int port = freePort();
        long started = System.nanoTime();
        Process server = start("serve", "--port", String.valueOf(port));
        try {
            URI base = URI.create("http://127.0.0.1:" + port);
            awaitHealthy(base, server);
            System.out.printf("serve answered its first request %d ms after start%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

            HttpResponse<String> tenantResponse = get(base, "/api/v1/tenant", key);
            assertThat(tenantResponse.statusCode()).isEqualTo(200);
            assertThat(tenantResponse.body()).contains("\"name\":\"acme\"").contains("\"role\":\"GLOBAL_ADMIN\"");
            assertThat(get(base, "/api/v1/tenant", null).statusCode()).isEqualTo(401);

            // The CLI works on the same database while the server runs, and the server sees its changes at once.
            Run second = run("api-key", "create", "--tenant", "acme", "--role", "MAIL_FLOW", "--output", "json");
            String mailFlowKey = key(second);
            assertThat(get(base, "/api/v1/tenant", mailFlowKey).body()).contains("\"role\":\"MAIL_FLOW\"");
            Matcher id = KEY.matcher(second.out);
            assertThat(id.find()).isTrue();
            assertThat(run("api-key", "revoke", id.group(2)).exitCode).isZero();
            assertThat(get(base, "/api/v1/tenant", mailFlowKey).statusCode()).isEqualTo(401);
            assertThat(get(base, "/api/v1/tenant", key).statusCode()).isEqualTo(200);
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("server stops on SIGTERM").isTrue();
        }
    }

    private void awaitHealthy(URI base, Process server) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("server process exited early").isTrue();
            try {
                if (get(base, "/health", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                Thread.sleep(25);
            }
        }
        throw new AssertionError("server did not become healthy within 60 s");
    }

    private HttpResponse<String> get(URI base, String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String key(Run run) {
        assertThat(run.exitCode).as(run.err).isZero();
        Matcher matcher = KEY.matcher(run.out);
        assertThat(matcher.find()).as(run.out).isTrue();
        return matcher.group(1);
    }

    private Run run(String... args) throws Exception {
        Process process = start(args);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("SENDERGUARD_"));
        builder.environment().put("SENDERGUARD_DATA_DIR", dataDir.toString());
        Path log = Files.createTempFile(dataDir, "process", ".log");
        return args[0].equals("serve") ? builder.redirectOutput(log.toFile()).redirectErrorStream(true).start()
                : builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Run(int exitCode, String out, String err) {
    }
}
