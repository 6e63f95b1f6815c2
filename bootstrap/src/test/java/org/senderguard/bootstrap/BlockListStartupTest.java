package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.senderguard.application.port.out.BlockListSnapshots;
import org.senderguard.application.port.out.UnitOfWork;

/**
 * A server answers no mail flow from a list it has not finished loading: while the load is held
 * back, /health is STARTING with 503, REST decisions get 503 'starting' and the policy server its
 * fail mode, and an outbound decision holds no sender row while it waits; once loaded, the listed
 * client is refused everywhere.
 */
class BlockListStartupTest {

    private static final String LISTED = "192.0.2.66";
    private static final String DEFER = "action=DEFER_IF_PERMIT 4.3.0 senderguard cannot decide now, try again later";

    @Test
    void mailFlowWaitsForTheWholeListAndHealthSaysStarting() throws Exception {
        HeldBackSnapshot snapshot = new HeldBackSnapshot();
        int policyPort = SenderguardJar.freePort();
        try (ApplicationContext context = OwnApplication.start(OwnApplication.embeddedDatabase("startup"),
                Map.of("senderguard.db.timeout", "1s", "senderguard.policy.port", policyPort), snapshot);
             AutoCloseable released = snapshot.release::countDown) { // a failure must not leave the load waiting
            assertThat(TestApplication.cli(context, "tenant", "create", "startup", "--domain", "startup.example")
                    .exitCode()).isZero();
            TestApplication.CliResult key = TestApplication.cli(context, "api-key", "create", "--tenant", "startup",
                    "--role", "MAIL_FLOW", "--output", "json");
            assertThat(key.exitCode()).as(key.err()).isZero();
            String mailFlow = (String) context.getBean(JsonMapper.class).readValue(key.out(), Map.class).get("key");
            assertThat(TestApplication.cli(context, "blocklist", "add", LISTED, "--type", "IP", "--reason", "spam")
                    .exitCode()).isZero();

            URI server = context.getBean(EmbeddedServer.class).start().getURI();
            HttpResponse<String> starting = get(server.resolve("/health"));
            assertThat(starting.statusCode()).isEqualTo(503);
            assertThat(starting.body()).contains("\"blockLists\"").contains("\"STARTING\"");

            HttpResponse<String> deferred = inbound(server, mailFlow);
            assertThat(deferred.statusCode()).as(deferred.body()).isEqualTo(503);
            assertThat(deferred.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(deferred.headers().firstValue("Retry-After")).isPresent();
            assertThat(deferred.body()).contains("\"type\":\"starting\"");
            try (PolicyClient postfix = new PolicyClient(policyPort)) {
                assertThat(postfix.ask(rcpt())).as("the policy server's fail mode").isEqualTo(DEFER);
            }
            HttpResponse<String> outbound = outbound(server, mailFlow);
            assertThat(outbound.statusCode()).as(outbound.body()).isEqualTo(503);
            int senders = context.getBean(UnitOfWork.class).inTransaction(() -> {
                try (Connection connection = context.getBean(DataSource.class).getConnection();
                     ResultSet rows = connection.createStatement().executeQuery(
                             "SELECT COUNT(*) FROM sender_status WHERE address = 'ann@startup.example'")) {
                    rows.next();
                    return rows.getInt(1);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(senders).as("no sender row stored, nor held, while the lists were waited for").isZero();

            snapshot.release.countDown();
            Instant deadline = Instant.now().plusSeconds(30);
            HttpResponse<String> decided;
            do {
                decided = inbound(server, mailFlow);
            } while (decided.statusCode() == 503 && Instant.now().isBefore(deadline));
            assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
            assertThat(decided.body()).contains("\"action\":\"REJECT\"");
            try (PolicyClient postfix = new PolicyClient(policyPort)) {
                assertThat(postfix.ask(rcpt())).startsWith("action=550 5.7.606 ");
            }
            HttpResponse<String> health = get(server.resolve("/health"));
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).contains("\"blockLists\":{\"name\":\"senderguard\",\"status\":\"UP\"}");
        }
    }

    private static Map<String, String> rcpt() {
        return PolicyClient.postfixRequest("RCPT", "i1", "", LISTED, "someone@elsewhere.example",
                "inbox@startup.example");
    }

    private static HttpResponse<String> inbound(URI server, String key) throws Exception {
        String body = "{\"messageId\":\"<startup@x>\",\"sender\":\"someone@elsewhere.example\",\"clientIp\":\""
                + LISTED + "\",\"recipients\":[\"inbox@startup.example\"],\"urls\":[]}";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.resolve("/api/v1/mail-flow/inbound"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> outbound(URI server, String key) throws Exception {
        String body = "{\"messageId\":\"<startup-out@x>\",\"sender\":\"ann@startup.example\","
                + "\"recipients\":[\"someone@elsewhere.example\"],\"verdict\":\"CLEAN\"}";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.resolve("/api/v1/mail-flow/outbound"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** No snapshot, found only once released: the load waits for the test. */
    private static final class HeldBackSnapshot implements BlockListSnapshots {

        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Optional<Stored> read() {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }

        @Override
        public void write(Snapshot snapshot) {
            // Nothing is kept.
        }
    }
}
