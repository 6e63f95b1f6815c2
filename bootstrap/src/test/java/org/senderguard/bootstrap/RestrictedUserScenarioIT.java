package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's story over the built jar: a user sends spam until restricted, gets 5.1.8 with the
 * steps, the admin finds and unblocks them, the unblock limit sends the admin to Support, Support
 * overrides it on the CLI, and the audit log tells it all. Alert mail goes to a real SMTP server.
 */
class RestrictedUserScenarioIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final String USER = "bob@contoso.example";

    @TempDir
    Path dataDir;

    @Test
    void spamRestrictUnblockLimitSupportAudit() throws Exception {
        SenderguardJar jar = new SenderguardJar(dataDir, Map.of("SENDERGUARD_SMTP_HOST", "127.0.0.1",
                "SENDERGUARD_SMTP_PORT", String.valueOf(SMTP.getSmtp().getPort())));
        assertThat(jar.cli("tenant", "create", "contoso", "--domain", "contoso.example").exitCode()).isZero();
        assertThat(jar.cli("tenant", "update", "contoso", "--unblock-limit", "1").exitCode()).isZero();
        String admin = JarEndToEndIT.key(jar.cli("api-key", "create", "--tenant", "contoso", "--role",
                "GLOBAL_ADMIN", "--output", "json")).group(2);
        String mailFlow = JarEndToEndIT.key(jar.cli("api-key", "create", "--tenant", "contoso", "--role",
                "MAIL_FLOW", "--output", "json")).group(2);

        try (SenderguardJar.Server server = jar.serve()) {
            String policies = server.get("/api/v1/outbound-spam-policies", admin).body();
            String defaultId = policies.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            assertThat(server.call("PUT", "/api/v1/outbound-spam-policies/" + defaultId, admin,
                    "{\"name\":\"Default\",\"spamMessageLimitPerHour\":2,\"actionWhenThresholdReached\":\"BLOCK_USER\","
                            + "\"notifyRecipients\":[\"security@contoso.example\"]}").statusCode()).isEqualTo(200);

            // The user's compromised account sends spam until the policy restricts it.
            assertThat(outbound(server, mailFlow, "1", "SPAM")).contains("DELIVER_HIGH_RISK_POOL");
            assertThat(outbound(server, mailFlow, "2", "SPAM")).contains("DELIVER_HIGH_RISK_POOL");
            String restricted = outbound(server, mailFlow, "3", "SPAM");
            assertThat(restricted).contains("\"action\":\"REJECT\"")
                    .contains("550 5.1.8 Access denied, bad outbound sender").contains("change your password");
            assertThat(outbound(server, mailFlow, "4", "CLEAN")).contains("550 5.1.8");

            // The admin finds the user, must confirm, then unblocks; mail flows again.
            assertThat(server.get("/api/v1/restricted-users", admin).body()).contains(USER)
                    .contains("\"unblocksRemaining\":1");
            assertThat(server.call("POST", "/api/v1/restricted-users/" + USER + "/unblock", admin,
                    "{\"reason\":\"password reset\"}").body()).contains("confirmation-required");
            assertThat(server.call("POST", "/api/v1/restricted-users/" + USER + "/unblock", admin,
                    "{\"confirm\":true,\"reason\":\"password reset\"}").statusCode()).isEqualTo(200);
            assertThat(outbound(server, mailFlow, "5", "CLEAN")).contains("\"action\":\"DELIVER\"");

            // Restricted again by Support; the admin has used the one unblock allowed.
            assertThat(jar.cli("restricted", "add", "--tenant", "contoso", USER, "--reason", "still compromised")
                    .exitCode()).isZero();
            HttpResponse<String> refused = server.call("POST", "/api/v1/restricted-users/" + USER + "/unblock", admin,
                    "{\"confirm\":true,\"reason\":\"again\"}");
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("unblock-limit-reached").contains("Contact Support");
            assertThat(jar.cli("restricted", "unblock", "--tenant", "contoso", USER, "--reason", "ticket 17",
                    "--override-limit").exitCode()).isZero();
            assertThat(outbound(server, mailFlow, "6", "CLEAN")).contains("\"action\":\"DELIVER\"");

            String audit = server.get("/api/v1/audit-log", admin).body();
            assertThat(audit).contains("restriction.unblock-override").contains("operator:")
                    .contains("restriction.unblock").contains("restriction.add").contains("api-key:")
                    .contains("policy.update");
            assertThat(server.get("/api/v1/alerts", admin).body()).contains("User restricted from sending email");
            assertThat(SMTP.waitForIncomingEmail(10_000, 1)).as("alert mail").isTrue();
            assertThat(SMTP.getReceivedMessages()[0].getSubject())
                    .isEqualTo("User restricted from sending email: " + USER);
        }
    }

    private static String outbound(SenderguardJar.Server server, String key, String id, String verdict)
            throws Exception {
        return server.call("POST", "/api/v1/mail-flow/outbound", key, "{\"messageId\":\"<" + id
                + "@contoso.example>\",\"sender\":\"" + USER + "\",\"recipients\":[\"x@fabrikam.example\"],"
                + "\"verdict\":\"" + verdict + "\"}").body();
    }
}
