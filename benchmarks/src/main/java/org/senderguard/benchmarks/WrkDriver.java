package org.senderguard.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Drives the outbound decision endpoint with {@code wrk} and a Lua script that sends each request
 * for a random tenant (with that tenant's key) and a random one of its senders, under a fresh
 * message id; one message in ten has a spam verdict. The script counts the answers' actions.
 */
final class WrkDriver {

    private static final String SCRIPT = """
            local keys = {%s}
            local tenants, senders = %d, %d
            local counter = 0
            local next_thread = 0
            local threads = {}
            -- thread_id and the action counts are globals of each thread's state, which setup() and
            -- done() reach through the thread; a local of that name would hide them (and give every
            -- thread the same message ids).
            deliver, high_risk, reject, other = 0, 0, 0, 0
            function setup(thread)
              next_thread = next_thread + 1
              thread:set("thread_id", next_thread)
              table.insert(threads, thread)
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
            function response(status, headers, body)
              if status ~= 200 then other = other + 1
              elseif body:find('"action":"DELIVER_HIGH_RISK_POOL"', 1, true) then high_risk = high_risk + 1
              elseif body:find('"action":"DELIVER"', 1, true) then deliver = deliver + 1
              elseif body:find('"action":"REJECT"', 1, true) then reject = reject + 1
              else other = other + 1 end
            end
            function done(summary, latency, requests)
              local d, h, r, o = 0, 0, 0, 0
              for _, thread in ipairs(threads) do
                d = d + thread:get("deliver"); h = h + thread:get("high_risk")
                r = r + thread:get("reject"); o = o + thread:get("other")
              end
              io.write(string.format("%s\\n", d, h, r, o))
            end
            """;

    private final URI base;
    private final Path script;

    WrkDriver(URI base, List<String> keys, int tenants, int sendersPerTenant) throws IOException {
        this.base = base;
        this.script = Files.createTempFile("senderguard-bench", ".lua");
        script.toFile().deleteOnExit();
        String quoted = keys.stream().map(k -> '"' + k + '"').collect(Collectors.joining(","));
        Files.writeString(script, SCRIPT.formatted(quoted, tenants, sendersPerTenant, ActionMix.WRK_LINE),
                StandardCharsets.UTF_8);
    }

    static boolean available() {
        try {
            return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() >= 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** wrk's report (requests per second, the latency distribution, any non-2xx answers) and the actions answered. */
    record Report(String text, ActionMix actions) {

        private static final Pattern PER_SECOND = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
        private static final Pattern P99 = Pattern.compile("\\s99%\\s+([\\d.]+)(us|ms|s)");

        double perSecond() {
            return Double.parseDouble(find(PER_SECOND).group(1));
        }

        double p99Millis() {
            Matcher p99 = find(P99);
            double value = Double.parseDouble(p99.group(1));
            return switch (p99.group(2)) {
                case "us" -> value / 1000;
                case "s" -> value * 1000;
                default -> value;
            };
        }

        private Matcher find(Pattern pattern) {
            Matcher matcher = pattern.matcher(text);
            if (!matcher.find()) {
                throw new IllegalStateException("wrk's report lacks " + pattern + ": " + text);
            }
            return matcher;
        }
    }

    Report run(int clients, Duration duration) throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t" + Math.min(2, clients), "-c" + clients,
                "-d" + duration.toSeconds() + "s", "--latency", "-s", script.toString(), base.toString())
                .redirectErrorStream(true).start();
        String report = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + report);
        }
        return new Report("wrk, " + clients + " connections, " + duration.toSeconds() + " s:\n" + report,
                ActionMix.parse(report));
    }
}
