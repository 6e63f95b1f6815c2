package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Block lists over the built jar: the operator blocks a delistable range and a not-delistable
 * address on the CLI while the server runs; inbound mail from them is refused with the portal
 * link or the support contact; spam from three senders linking to one site lists its domain; an
 * admin's tenant-list entry stops outbound mail to a partner with 5.7.703.
 */
class BlockListScenarioIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(3);

    @TempDir
    Path dataDir;

    @Test
    void operatorListsSpamFeedAndTenantList() throws Exception {
        Map<String, String> environment = new HashMap<>(TestDns.environment());
        environment.put("SENDERGUARD_PUBLIC_URL", "https://senderguard.example/");
        environment.put("SENDERGUARD_SUPPORT_CONTACT", "abuse@senderguard.example");
        SenderguardJar jar = new SenderguardJar(dataDir, environment);
        assertThat(jar.cli("tenant", "create", "contoso", "--domain", "contoso.example").exitCode()).isZero();
        String admin = JarEndToEndIT.key(jar.cli("api-key", "create", "--tenant", "contoso", "--role",
                "GLOBAL_ADMIN", "--output", "json")).group(2);
        String mailFlow = JarEndToEndIT.key(jar.cli("api-key", "create", "--tenant", "contoso", "--role",
                "MAIL_FLOW", "--output", "json")).group(2);

        try (SenderguardJar.Server server = jar.serve()) {
            // Operators block a range (delistable) and one address (not) while the server runs.
            assertThat(jar.cli("blocklist", "add", "198.51.100.0/24", "--type", "IP", "--reason", "spam run")
                    .exitCode()).isZero();
            SenderguardJar.Run banned = jar.cli("blocklist", "add", "203.0.113.9", "--type", "IP", "--reason",
                    "abuse", "--not-delistable", "--output", "json");
            assertThat(banned.exitCode()).as(banned.err()).isZero();
            assertThat(banned.out()).contains("\"delistable\":false");

            assertThat(eventually(() -> inbound(server, mailFlow, "198.51.100.7"), "5.7.606"))
                    .contains("550 5.7.606 Access denied, banned sending IP [198.51.100.7]. To request removal from "
                            + "this list please visit https://senderguard.example/delist and follow the directions.");
            assertThat(eventually(() -> inbound(server, mailFlow, "203.0.113.9"), "5.7.511")).contains("550 5.7.511 Access denied, banned sender "
                    + "[203.0.113.9]. To request removal from this list, contact abuse@senderguard.example.");
            assertThat(inbound(server, mailFlow, "192.0.2.1")).contains("\"action\":\"ACCEPT\"");

            // Three senders' spam points at one site: its registered domain goes on the service list.
            for (String sender : new String[] {"ann", "bob", "cat"}) {
                assertThat(server.call("POST", "/api/v1/mail-flow/outbound", mailFlow, "{\"messageId\":\"<" + sender
                        + "@spam>\",\"sender\":\"" + sender + "@contoso.example\",\"recipients\":[\"v@fabrikam.example\"],"
                        + "\"verdict\":\"SPAM\",\"urls\":[\"http://x.bad-example.net/p\"]}").body())
                        .contains("DELIVER_HIGH_RISK_POOL");
            }
            assertThat(eventually(() -> server.get("/api/v1/listings?value=bad-example.net", admin).body(),
                    "SPAM_MESSAGE")).contains("\"listed\":true").contains("\"value\":\"bad-example.net\"");
            SenderguardJar.Run lookup = jar.cli("blocklist", "lookup", "http://x.bad-example.net/p", "--output", "json");
            assertThat(lookup.out()).contains("\"value\":\"*.bad-example.net\"").contains("\"source\":\"SPAM_MESSAGE\"");

            // The admin blocks a partner domain on the tenant's own list: outbound mail to it is refused.
            assertThat(server.call("POST", "/api/v1/block-list/entries", admin,
                    "{\"type\":\"DOMAIN\",\"values\":[\"partner.example\"]}").statusCode()).isEqualTo(201);
            assertThat(server.call("POST", "/api/v1/mail-flow/outbound", mailFlow, "{\"messageId\":\"<p1@x>\","
                    + "\"sender\":\"ann@contoso.example\",\"recipients\":[\"a@partner.example\"],\"verdict\":\"CLEAN\"}")
                    .body()).contains("550 5.7.703 Your message can't be delivered because messages to "
                    + "a@partner.example are blocked by your organization");
        }
        SenderguardJar.Run export = jar.cli("blocklist", "export", "--format", "rbldnsd");
        assertThat(export.out()).contains("\n198.51.100.0/24\n").contains("\n203.0.113.9 :127.0.0.3:")
                .contains("\nbad-example.net\n").contains("\n*.bad-example.net\n");
    }

    private static String inbound(SenderguardJar.Server server, String key, String ip) throws Exception {
        return server.call("POST", "/api/v1/mail-flow/inbound", key, "{\"messageId\":\"<in@x>\",\"sender\":"
                + "\"someone@fabrikam.example\",\"clientIp\":\"" + ip + "\",\"recipients\":[\"bob@contoso.example\"]}")
                .body();
    }

    /** Changes made by the CLI or in the background reach the server's index within a second or so. */
    private static String eventually(Callable<String> call, String expected) throws Exception {
        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        String answer = call.call();
        while (!answer.contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            answer = call.call();
        }
        return answer;
    }
}
