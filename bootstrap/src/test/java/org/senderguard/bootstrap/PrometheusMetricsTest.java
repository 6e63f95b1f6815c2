package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code /prometheus} scraped before and after the events it counts: every senderguard meter is
 * there without an API key, and each one that the shared application can make happen moves.
 */
class PrometheusMetricsTest {

    private static final List<String> ONE_EXTERNAL = List.of("someone@elsewhere.example");

    @Test
    void everyMeterIsExportedAndMovesWithWhatItCounts() {
        Scrape before = Scrape.now();

        TenantClient tenant = new TenantClient();
        tenant.defaultPolicy(1, 100, 100, 10, "BLOCK_USER", List.of());
        String bob = tenant.user("bob");
        assertThat(tenant.outbound(bob, ONE_EXTERNAL, "CLEAN").json()).containsEntry("action", "DELIVER");
        assertThat(tenant.outbound(tenant.user("ann"), ONE_EXTERNAL, "PHISH").json())
                .containsEntry("action", "DELIVER_HIGH_RISK_POOL");
        assertThat(tenant.outbound(bob, List.of("a@elsewhere.example", "b@elsewhere.example"), "CLEAN").json())
                .as("past the limit: restricted").containsEntry("action", "REJECT");
        assertThat(BlockListTest.inbound(tenant, "x@sender-" + unique() + ".example", "192.0.2.10", List.of()).json())
                .containsEntry("action", "ACCEPT");
        String carol = tenant.user("carol");
        try (PolicyClient policy = new PolicyClient()) {
            assertThat(policy.ask(PolicyClient.postfixRequest("RCPT", unique(), carol, "192.0.2.200", carol,
                    "friend@elsewhere.example"))).isEqualTo("action=DUNNO");
        }

        assertThat(tenant.unblock(tenant.admin, bob, Map.of("confirm", true, "reason", "password reset")).status())
                .isEqualTo(200);
        String mallory = tenant.user("mallory");
        assertThat(TestApplication.cli("restricted", "add", "--tenant", tenant.name, mallory, "--reason", "kit")
                .exitCode()).isZero();
        assertThat(TestApplication.cli("restricted", "unblock", "--tenant", tenant.name, mallory, "--reason",
                "cleaned", "--override-limit").exitCode()).isZero();

        assertThat(TestApplication.cli("blocklist", "add", "metrics-" + unique() + ".example", "--type", "DOMAIN",
                "--reason", "spam run").exitCode()).isZero();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        assertThat(TestApplication.cli("reputation", "check", "198.18." + random.nextInt(256) + "."
                + random.nextInt(1, 255)).exitCode()).as("answers not cached yet").isZero();

        String email = DelistPortalTest.newAddress();
        PortalBrowser browser = new PortalBrowser(DelistPortalTest.randomClient());
        assertThat(browser.requestLink(email, "192.0.2.45").statusCode()).isEqualTo(200);
        assertThat(browser.get("/delist/confirm?token=" + "x".repeat(43)).statusCode()).isEqualTo(404);

        Scrape after = Scrape.now();
        for (String[] moved : List.of(
                series("senderguard_decisions_total", "adapter", "rest", "direction", "outbound", "action", "deliver"),
                series("senderguard_decisions_total", "adapter", "rest", "direction", "outbound", "action",
                        "high-risk"),
                series("senderguard_decisions_total", "adapter", "rest", "direction", "outbound", "action", "reject"),
                series("senderguard_decisions_total", "adapter", "rest", "direction", "inbound", "action", "accept"),
                series("senderguard_decisions_total", "adapter", "postfix", "direction", "outbound", "action",
                        "deliver"),
                series("senderguard_decision_seconds_count", "adapter", "rest", "direction", "outbound"),
                series("senderguard_decision_seconds_bucket", "adapter", "rest", "direction", "outbound", "le",
                        "+Inf"),
                series("senderguard_decision_seconds_count", "adapter", "postfix", "direction", "outbound"),
                series("senderguard_outbound_batch_size_count"),
                series("senderguard_outbound_batch_size_bucket", "le", "64.0"),
                series("senderguard_restrictions_total", "limit", "external-recipients-per-hour"),
                series("senderguard_restrictions_total", "limit", "manual"),
                series("senderguard_unblocks_total", "by", "admin"),
                series("senderguard_unblocks_total", "by", "support"),
                series("senderguard_blocklist_index_entries", "list", "service"),
                series("senderguard_third_party_answers_total"),
                series("senderguard_portal_requests_total", "request", "link"),
                series("senderguard_portal_refusals_total", "reason", "invalid-link"),
                series("senderguard_mail_sent_total", "kind", "delist-link"))) {
            assertThat(after.sum(moved)).as(String.join(" ", moved)).isGreaterThan(before.sum(moved));
        }
        for (String[] present : List.of(
                series("senderguard_database_errors_total", "kind", "deadlock"),
                series("senderguard_database_errors_total", "kind", "timeout"),
                series("senderguard_database_errors_total", "kind", "connection"),
                series("senderguard_database_retries_total", "kind", "deadlock"),
                series("senderguard_mail_failed_total", "kind", "alert"),
                series("senderguard_blocklist_index_entries", "list", "tenants"),
                series("senderguard_portal_refusals_total", "reason", "client-limit"),
                series("senderguard_decision_partitions", "state", "sealed"),
                series("senderguard_decision_partitions", "state", "unsealed"),
                series("senderguard_decision_fingerprints_bytes"))) {
            assertThat(after.count(present)).as(String.join(" ", present)).isEqualTo(1);
        }
        for (String feed : List.of("block-lists", "tenants")) {
            String[] lag = series("senderguard_change_feed_lag_seconds", "feed", feed);
            assertThat(after.count(lag)).as("one instance").isEqualTo(1);
            assertThat(after.sum(lag)).as("the %s feed has been caught up with", feed).isNotNaN()
                    .isGreaterThanOrEqualTo(0);
            assertThat(after.labels(lag)).containsKey("instance_id");
        }
    }

    /** A metric's name, then label names and values that its series must have. */
    private static String[] series(String... nameAndLabels) {
        return nameAndLabels;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** One scrape of {@code /prometheus}, as Prometheus reads it: one sample per line, comments skipped. */
    private record Scrape(List<Sample> samples) {

        private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
        private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

        record Sample(String name, Map<String, String> labels, double value) {

            boolean matches(String[] series) {
                if (!name.equals(series[0])) {
                    return false;
                }
                for (int i = 1; i < series.length; i += 2) {
                    if (!series[i + 1].equals(labels.get(series[i]))) {
                        return false;
                    }
                }
                return true;
            }
        }

        static Scrape now() {
            Http.Response response = Http.get("/prometheus", null);
            assertThat(response.status()).as("no API key needed").isEqualTo(200);
            assertThat(response.contentType()).startsWith("text/plain");
            return new Scrape(response.body().lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(Scrape::sample).toList());
        }

        private static Sample sample(String line) {
            Matcher matcher = LINE.matcher(line);
            assertThat(matcher.matches()).as(line).isTrue();
            Map<String, String> labels = new HashMap<>();
            if (matcher.group(2) != null) {
                Matcher label = LABEL.matcher(matcher.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            return new Sample(matcher.group(1), labels, value(matcher.group(3)));
        }

        private static double value(String text) {
            return switch (text) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(text);
            };
        }

        double sum(String[] series) {
            return samples.stream().filter(sample -> sample.matches(series)).mapToDouble(Sample::value).sum();
        }

        long count(String[] series) {
            return samples.stream().filter(sample -> sample.matches(series)).count();
        }

        Map<String, String> labels(String[] series) {
            return samples.stream().filter(sample -> sample.matches(series)).findFirst().orElseThrow().labels();
        }
    }
}
