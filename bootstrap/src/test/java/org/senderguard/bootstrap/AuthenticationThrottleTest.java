package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.senderguard.application.service.AuthenticationFailures;
import org.senderguard.domain.apikey.ApiKeyToken;

/**
 * Bad API keys from one client address: 401 up to the limit, then 429 with Retry-After without
 * looking further; a good key from the same address still works; the failures make one log line.
 * Each test is a client address of its own, so the rest of the suite's bad keys do not count.
 */
class AuthenticationThrottleTest {

    private static final String ATTACKER = "127.0.0.23";
    /** The test application's {@code senderguard.auth.failure-limit}. */
    private static final int LIMIT = TestApplication.AUTH_FAILURE_LIMIT;
    private static final String PATH = "/api/v1/tenant";

    private final SecureRandom random = new SecureRandom();

    @Test
    void badKeysAreThrottledPerAddressLoggedTogetherAndAGoodKeyStillWorks() throws InterruptedException {
        String tenant = Fixtures.newTenant();
        String key = Fixtures.newKey(tenant, "MAIL_FLOW");
        assertThat(FromAddress.get(ATTACKER, PATH, key).status()).isEqualTo(200);
        drainPendingReport();

        String lastBadKey = null;
        Captured log = Captured.standardError();
        try {
            for (int i = 0; i < LIMIT; i++) {
                lastBadKey = i % 10 == 0 ? "not-a-key-" + i : ApiKeyToken.generate(random).value();
                FromAddress.Response refused = FromAddress.get(ATTACKER, PATH, lastBadKey);
                assertThat(refused.status()).as("bad key %d", i).isEqualTo(401);
            }
            FromAddress.Response throttled = FromAddress.get(ATTACKER, PATH, ApiKeyToken.generate(random).value());
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.headers().get("content-type")).startsWith("application/problem+json");
            assertThat(throttled.body()).contains("\"type\":\"rate-limited\"", "\"status\":429",
                    "too many failed authentications");
            assertThat(Long.parseLong(throttled.headers().get("retry-after"))).isBetween(1L, 60L);

            assertThat(FromAddress.get(ATTACKER, PATH, key).status()).as("a good key from the same address")
                    .isEqualTo(200);
            for (String open : List.of("/health", "/delist")) {
                assertThat(FromAddress.get(ATTACKER, open, "junk").status())
                        .as("%s takes no key, so one sent there is not checked", open).isEqualTo(200);
            }
            assertThat(FromAddress.get("127.0.0.24", PATH, ApiKeyToken.generate(random).value()).status())
                    .as("another address").isEqualTo(401);

            TestApplication.clock().advance(Duration.ofSeconds(10));
            List<String> lines = log.linesContaining(ATTACKER, Duration.ofSeconds(5));
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0)).contains("WARN", "failed API key authentications: ",
                    ATTACKER + " (" + (LIMIT + 1) + ")").doesNotContain(lastBadKey);
        } finally {
            log.stop();
        }
    }

    /** Failures of earlier tests are reported now, so that they do not share this test's line. */
    private static void drainPendingReport() {
        TestApplication.clock().advance(Duration.ofSeconds(10));
        TestApplication.context().getBean(AuthenticationFailures.class).report();
    }

    /** Standard error (where the log goes) copied while a test runs. */
    private static final class Captured {

        private final PrintStream original = System.err;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

        static Captured standardError() {
            Captured captured = new Captured();
            System.setErr(new PrintStream(new TeeStream(captured.original, captured.copy), true, StandardCharsets.UTF_8));
            return captured;
        }

        /** Waits up to {@code within} for a line containing {@code text}, then a moment for any more. */
        List<String> linesContaining(String text, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (lines(text).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1_500); // the reporter asks every second: a second line would show by now
            return lines(text);
        }

        private List<String> lines(String text) {
            String all;
            synchronized (copy) {
                all = copy.toString(StandardCharsets.UTF_8);
            }
            return Arrays.stream(all.split("\n")).filter(line -> line.contains(text)).toList();
        }

        void stop() {
            System.setErr(original);
        }
    }

    private static final class TeeStream extends java.io.OutputStream {

        private final PrintStream first;
        private final ByteArrayOutputStream second;

        TeeStream(PrintStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) {
            first.write(b);
            synchronized (second) {
                second.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            first.write(bytes, offset, length);
            synchronized (second) {
                second.write(bytes, offset, length);
            }
        }
    }
}
