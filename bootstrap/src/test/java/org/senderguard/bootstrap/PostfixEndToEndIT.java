package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Postfix enforcing senderguard with the two lines of {@code main.cf} the README gives, and
 * nothing else: the built jar serves the policy protocol, a private Postfix asks it, and swaks
 * poses as remote clients and SASL users through XCLIENT. Limits, restrictions, unblocks, the
 * service list, the high-risk pool, a recipient beyond ASCII, and Postfix deferring while
 * senderguard is stopped.
 */
@RequiresPostfix
class PostfixEndToEndIT {

    private static final String BOB = "bob@contoso.example";
    private static final String OUTSIDE = "x@fabrikam.example";
    private static final String PUBLIC_URL = "https://senderguard.example";

    @TempDir
    Path dataDir;

    @Test
    void postfixEnforcesLimitsRestrictionsListsAndTheHighRiskPool() throws Exception {
        int policyPort = SenderguardJar.freePort();
        SenderguardJar jar = new SenderguardJar(dataDir, Map.of("SENDERGUARD_POLICY_PORT", String.valueOf(policyPort),
                "SENDERGUARD_POLICY_HIGH_RISK_TRANSPORT", "highrisk", "SENDERGUARD_PUBLIC_URL", PUBLIC_URL));
        assertThat(jar.cli("tenant", "create", "contoso", "--domain", "contoso.example").exitCode()).isZero();
        String admin = JarEndToEndIT.key(jar.cli("api-key", "create", "--tenant", "contoso", "--role",
                "GLOBAL_ADMIN", "--output", "json")).group(2);
        String mailFlow = JarEndToEndIT.key(jar.cli("api-key", "create", "--tenant", "contoso", "--role",
                "MAIL_FLOW", "--output", "json")).group(2);
        assertThat(jar.cli("blocklist", "add", "198.51.100.7", "--type", "IP", "--reason", "spam source").exitCode())
                .isZero();
        assertThat(jar.cli("blocklist", "add", "198.51.100.8", "--type", "IP", "--reason", "abuse",
                "--not-delistable").exitCode()).isZero();
        String policy = "check_policy_service inet:127.0.0.1:" + policyPort;

        try (PrivatePostfix postfix = PrivatePostfix.builder()
                .mainCf("smtpd_sender_restrictions = " + policy, "smtpd_end_of_data_restrictions = " + policy,
                        "relay_domains = contoso.example") // Postfix takes inbound mail for the tenant
                .masterCf("highrisk unix - - n - - smtp", "  -o smtp_bind_address=127.0.0.2",
                        "  -o syslog_name=postfix-highrisk")
                .start()) {
            SenderguardJar.Server server = jar.serve();
            try (server) {
                String policies = server.get("/api/v1/outbound-spam-policies", admin).body();
                String defaultId = policies.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
                assertThat(server.call("PUT", "/api/v1/outbound-spam-policies/" + defaultId, admin,
                        "{\"name\":\"Default\",\"recipientLimitExternalPerHour\":3,"
                                + "\"actionWhenThresholdReached\":\"BLOCK_USER\"}").statusCode()).isEqualTo(200);

                // Within the limit: queued, for an SMTPUTF8 recipient too. The message that goes over
                // it: refused, and bob restricted.
                String first = send(postfix, BOB, BOB, "a@fabrikam.example,j\u00f6rg@fabrikam.example").queueId()
                        .orElseThrow();
                assertThat(postfix.awaitLog(first + ": to=<j\u00f6rg@fabrikam.example>")).isNotEmpty();
                PrivatePostfix.SwaksResult over = send(postfix, BOB, BOB, "c@fabrikam.example,d@fabrikam.example");
                assertThat(over.queueId()).isEmpty();
                // Postfix reports any end-of-data rejection with the enhanced code 5.0.0; the text is ours.
                assertThat(over.transcript()).contains("550 5.0.0 <END-OF-MESSAGE>: End-of-data rejected: "
                        + "Access denied, bad outbound sender; Secure your account");
                assertThat(server.get("/api/v1/restricted-users/" + BOB, admin).statusCode()).isEqualTo(200);

                // Restricted: refused at RCPT, with the pointer to the unblock steps.
                PrivatePostfix.SwaksResult restricted = send(postfix, BOB, BOB, "e@fabrikam.example");
                assertThat(restricted.transcript()).containsPattern("RCPT TO:<e@fabrikam.example>\\s+<\\*\\* 550 5\\.1\\.8 ")
                        .contains("unblock you");

                // Unblocked through REST: the next message is queued.
                assertThat(server.call("POST", "/api/v1/restricted-users/" + BOB + "/unblock", admin,
                        "{\"confirm\":true,\"reason\":\"password reset\"}").statusCode()).isEqualTo(200);
                String afterUnblock = send(postfix, BOB, BOB, "f@fabrikam.example").queueId().orElseThrow();

                // Inbound: the service list, delistable or not, and a clean client.
                PrivatePostfix.SwaksResult delistable = inbound(postfix, "198.51.100.7");
                assertThat(delistable.transcript()).contains("550 5.7.606 <" + OUTSIDE + ">: Sender address rejected: "
                        + "Access denied, banned sending IP [198.51.100.7]. To request removal from this list please visit "
                        + PUBLIC_URL + "/delist");
                assertThat(inbound(postfix, "198.51.100.8").transcript()).contains("550 5.7.511 ");
                assertThat(inbound(postfix, "203.0.113.9").queueId()).isPresent();

                // A spam verdict reported by the filter: bob's next message goes through the high-risk pool.
                assertThat(server.call("POST", "/api/v1/mail-flow/verdicts", mailFlow, "{\"queueId\":\""
                        + afterUnblock + "\",\"sender\":\"" + BOB + "\",\"verdict\":\"SPAM\"}").body())
                        .contains("\"counted\":true");
                String risky = send(postfix, BOB, BOB, "g@fabrikam.example").queueId().orElseThrow();
                assertThat(postfix.awaitLog(risky + ": to=<g@fabrikam.example>"))
                        .allMatch(line -> line.contains("postfix-highrisk/smtp"));
                assertThat(postfix.log()).contains("End-of-data triggers FILTER highrisk:");
                assertThat(postfix.awaitLog(afterUnblock + ": to=<f@fabrikam.example>"))
                        .noneMatch(line -> line.contains("postfix-highrisk"));
            }

            // senderguard stopped: Postfix defers (its own reply when the policy service is away).
            PrivatePostfix.SwaksResult stopped = send(postfix, BOB, BOB, "h@fabrikam.example");
            assertThat(stopped.queueId()).isEmpty();
            assertThat(stopped.transcript()).contains("451 4.3.5");
        }
    }

    private static PrivatePostfix.SwaksResult send(PrivatePostfix postfix, String login, String from, String to)
            throws Exception {
        return postfix.swaks("--xclient", "ADDR=192.0.2.10 LOGIN=" + login, "--from", from, "--to", to);
    }

    private static PrivatePostfix.SwaksResult inbound(PrivatePostfix postfix, String client) throws Exception {
        return postfix.swaks("--xclient", "ADDR=" + client, "--from", OUTSIDE, "--to", BOB);
    }
}
