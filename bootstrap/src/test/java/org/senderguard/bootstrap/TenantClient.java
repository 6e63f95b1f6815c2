package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A fresh tenant with one key per role, and the calls its admins and its mail flow make. */
final class TenantClient {

    final String name;
    final String domain;
    final String admin;
    final String reader;
    final String mailFlow;

    TenantClient() {
        name = Fixtures.newTenant();
        domain = name + ".example";
        admin = Fixtures.newKey(name, "GLOBAL_ADMIN");
        reader = Fixtures.newKey(name, "SECURITY_READER");
        mailFlow = Fixtures.newKey(name, "MAIL_FLOW");
    }

    String user(String local) {
        return local + "@" + domain;
    }

    Http.Response outbound(String sender, List<String> recipients, String verdict) {
        return outbound(UUID.randomUUID().toString(), sender, recipients, verdict);
    }

    Http.Response outbound(String messageId, String sender, List<String> recipients, String verdict) {
        return post("/api/v1/mail-flow/outbound", mailFlow,
                Map.of("messageId", messageId, "sender", sender, "recipients", recipients, "verdict", verdict));
    }

    /** Gives the default policy these limits and action. */
    void defaultPolicy(int external, int internal, int perDay, int spam, String action, List<String> notify) {
        Map<String, Object> fallback = Http.get("/api/v1/outbound-spam-policies", admin).jsonList().stream()
                .filter(p -> Boolean.TRUE.equals(p.get("default"))).findFirst().orElseThrow();
        Http.Response updated = send("PUT", "/api/v1/outbound-spam-policies/" + fallback.get("id"), admin,
                Map.of("name", "Default", "recipientLimitExternalPerHour", external,
                        "recipientLimitInternalPerHour", internal, "recipientLimitPerDay", perDay,
                        "spamMessageLimitPerHour", spam, "actionWhenThresholdReached", action,
                        "notifyRecipients", notify));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    }

    Http.Response unblock(String key, String address, Object body) {
        return send("POST", "/api/v1/restricted-users/" + encode(address) + "/unblock", key, body);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static Http.Response post(String path, String key, Object body) {
        return send("POST", path, key, body);
    }

    static Http.Response send(String method, String path, String key, Object body) {
        try {
            return Http.send(method, path, key, "application/json", TestApplication.json().writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
