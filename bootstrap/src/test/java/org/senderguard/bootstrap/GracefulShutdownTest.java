package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.senderguard.adapters.persistence.DatabaseSettings;
import org.senderguard.adapters.persistence.MariaDbTestDatabase;
import org.senderguard.adapters.persistence.RequiresMariaDb;
import org.senderguard.application.port.in.CreateApiKeyCommand;
import org.senderguard.application.port.in.CreateApiKeyUseCase;
import org.senderguard.application.port.in.CreateTenantCommand;
import org.senderguard.application.port.in.CreateTenantUseCase;
import org.senderguard.domain.apikey.Role;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.tenant.TenantName;

/**
 * Decisions that wait for a sender row the test holds locked, as another instance or an operator
 * might: the others go ahead meanwhile, and a server stopped while they wait still answers them
 * before it closes their connections, over HTTP and over the Postfix policy protocol: mail flow
 * gets its decisions, not a closed connection.
 */
@RequiresMariaDb
class GracefulShutdownTest {

    private static final String SENDER = "ann@stopping.example";
    private MariaDbTestDatabase database;
    private ApplicationContext server;
    private int policyPort;
    private URI outbound;
    private String key;

    @BeforeEach
    void startServer() throws Exception {
        database = MariaDbTestDatabase.create();
        policyPort = SenderguardJar.freePort();
        server = OwnApplication.start(database.settings(), Map.of("senderguard.policy.port", policyPort));
        outbound = server.getBean(EmbeddedServer.class).start().getURI().resolve("/api/v1/mail-flow/outbound");
        server.getBean(CreateTenantUseCase.class)
                .create(CreateTenantCommand.of("stopping", List.of("stopping.example"), Actor.operator("test")));
        key = server.getBean(CreateApiKeyUseCase.class).create(new CreateApiKeyCommand(
                TenantName.parse("stopping"), Role.MAIL_FLOW, Actor.operator("test"))).token().value();
        assertThat(send(HttpClient.newHttpClient(), 0).join().statusCode()).as("the sender's first message")
                .isEqualTo(200);
    }

    @AfterEach
    void dropDatabase() {
        server.close();
        database.close();
    }

    @Test
    void httpDecisionsTakenBeforeTheStopAreAnswered() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        stopWhileTheSenderIsLocked(() -> {
            for (int i = 1; i <= 6; i++) {
                answers.add(send(http, i));
            }
        });
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.join();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"action\":\"DELIVER\"");
        }
    }

    @Test
    void aSenderLockedLongerThanTheTimeoutFailsItsOwnDecisionsOnly() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        DatabaseSettings settings = database.settings();
        try (Connection admin = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             Statement statement = admin.createStatement()) {
            // By its whole key: the sender's row only, as a decision locks it, not the table.
            String tenantId;
            try (var row = statement.executeQuery("SELECT tenant_id FROM sender_status WHERE address = '" + SENDER
                    + "'")) {
                assertThat(row.next()).isTrue();
                tenantId = row.getString(1);
            }
            admin.setAutoCommit(false);
            statement.executeQuery("SELECT address FROM sender_status WHERE tenant_id = '" + tenantId
                    + "' AND address = '" + SENDER + "' FOR UPDATE").close();
            // Others sent while the held sender's batch waits for its row are decided meanwhile, and
            // its wait ends on the server, holding nothing for long. (A batch the held sender shares
            // is decided again item by item: BatcherTest.)
            CompletableFuture<HttpResponse<String>> waited = send(http, 1);
            Thread.sleep(300);
            List<CompletableFuture<HttpResponse<String>>> together = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                together.add(send(http, "other" + i + "@stopping.example", i));
            }
            for (CompletableFuture<HttpResponse<String>> other : together) {
                assertThat(other.join().statusCode()).as(other.join().body()).isEqualTo(200);
            }
            assertThat(waited.join().statusCode()).as(waited.join().body()).isEqualTo(503);
            // Had the server taken the late answer for an outage, it would refuse everything for a while.
            for (int i = 5; i < 10; i++) {
                HttpResponse<String> other = send(http, "other" + i + "@stopping.example", i).join();
                assertThat(other.statusCode()).as(other.body()).isEqualTo(200);
            }
            admin.commit();
        }
        assertThat(send(http, 2).join().statusCode()).as("the row let go").isEqualTo(200);
    }

    @Test
    void aPolicyRequestReadBeforeTheStopIsAnswered() throws Exception {
        try (PolicyClient postfix = new PolicyClient(policyPort)) {
            Map<String, String> endOfMessage = PolicyClient.postfixRequest("END-OF-MESSAGE", "stop.1", SENDER,
                    "192.0.2.200", SENDER, "x@elsewhere.example");
            endOfMessage.put("queue_id", "4Stop1");
            endOfMessage.put("recipient_count", "1");
            stopWhileTheSenderIsLocked(() -> postfix.send(PolicyClient.request(endOfMessage)));
            assertThat(postfix.answer()).isEqualTo("action=DUNNO");
        }
    }

    /** Holds the sender's row while {@code requests} are sent and the server is told to stop; then lets go. */
    private void stopWhileTheSenderIsLocked(Runnable requests) throws Exception {
        DatabaseSettings settings = database.settings();
        CompletableFuture<Void> stopped;
        try (Connection admin = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             Statement statement = admin.createStatement()) {
            admin.setAutoCommit(false);
            statement.executeQuery("SELECT address FROM sender_status WHERE address = '" + SENDER + "' FOR UPDATE")
                    .close();
            requests.run();
            Thread.sleep(500);
            stopped = CompletableFuture.runAsync(server::close);
            Thread.sleep(500);
            assertThat(stopped).as("still answering what it has taken").isNotDone();
            admin.commit();
        }
        stopped.join();
    }

    private CompletableFuture<HttpResponse<String>> send(HttpClient http, int n) {
        return send(http, SENDER, n);
    }

    private CompletableFuture<HttpResponse<String>> send(HttpClient http, String sender, int n) {
        return http.sendAsync(HttpRequest.newBuilder(outbound).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"messageId\":\"<" + n + "@" + sender + ">\",\"sender\":\""
                        + sender + "\",\"recipients\":[\"x@elsewhere.example\"],\"verdict\":\"CLEAN\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
