package org.senderguard.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Drives the outbound decision endpoint with {@code wrk} and a Lua script that sends each request
 * for a random tenant (with that tenant's key) and a random one of its senders, under a fresh
 * message id; one message in ten has a spam verdict.
 */
final class WrkDriver {

    private static final String SCRIPT = """
            local keys = {%s}
            local tenants, senders = %d, %d
            local counter = 0
            local next_thread = 0
            -- thread_id is a global that setup() gives each thread's state; a local of that name
            -- would hide it and give every thread the same message ids.
            function setup(thread)
              next_thread = next_thread + 1
              thread:set("thread_id", next_thread)
            end
            function init(args)
              math.randomseed(os.time() * 100 + thread_id)
            end
            function request()
              counter = counter + 1
              local t = math.random(0, tenants - 1)
              local verdict = math.random(1, 10) == 1 and "SPAM" or "CLEAN"
              local body = string.format('{"messageId":"bench-%%d-%%d-%%d","sender":"user%%d@bench-%%d.example",'
                  .. '"recipients":["a@elsewhere.example","b%%d@bench-%%d.example"],"verdict":"%%s"}',
                  thread_id, os.time(), counter, math.random(0, senders - 1), t, math.random(0, 999), t, verdict)
              return wrk.format("POST", "/api/v1/mail-flow/outbound",
                  {["Authorization"] = "Bearer " .. keys[t + 1], ["Content-Type"] = "application/json"}, body)
            end
            """;

    private final URI base;
    private final Path script;

    WrkDriver(URI base, List<String> keys, int tenants, int sendersPerTenant) throws IOException {
        this.base = base;
        this.script = Files.createTempFile("senderguard-bench", ".lua");
        script.toFile().deleteOnExit();
        String quoted = keys.stream().map(k -> '"' + k + '"').collect(Collectors.joining(","));
        Files.writeString(script, SCRIPT.formatted(quoted, tenants, sendersPerTenant), StandardCharsets.UTF_8);
    }

    static boolean available() {
        try {
            return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() >= 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** wrk's report: requests per second, the latency distribution and any non-2xx answers. */
    String run(int clients, Duration duration) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t" + Math.min(2, clients), "-c" + clients,
                "-d" + duration.toSeconds() + "s", "--latency", "-s", script.toString(), base.toString())
                .redirectErrorStream(true).start();
        String report = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + report);
        }
        return "wrk, " + clients + " connections, " + duration.toSeconds() + " s:\n" + report;
    }
}
