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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 * A server stopped while decisions wait for the database still answers them before it closes
 * their connections: mail flow gets its decisions, not a reset connection to retry.
 */
@RequiresMariaDb
class GracefulShutdownTest {

    private static final int WAITING = 6;

    @Test
    void decisionsTakenBeforeTheStopAreAnswered() throws Exception {
        try (MariaDbTestDatabase database = MariaDbTestDatabase.create()) {
            DatabaseSettings settings = database.settings();
            Map<String, Object> properties = new HashMap<>(settings.toProperties());
            properties.putAll(TestDns.settings());
            properties.put("micronaut.server.port", -1);
            ApplicationContext server = ApplicationContext.builder(Senderguard.class).deduceEnvironment(false)
                    .environments("test").properties(properties).start();
            URI outbound = server.getBean(EmbeddedServer.class).start().getURI().resolve("/api/v1/mail-flow/outbound");
            server.getBean(CreateTenantUseCase.class)
                    .create(CreateTenantCommand.of("stopping", List.of("stopping.example"), Actor.operator("test")));
            String key = server.getBean(CreateApiKeyUseCase.class).create(new CreateApiKeyCommand(
                    TenantName.parse("stopping"), Role.MAIL_FLOW, Actor.operator("test"))).token().value();
            HttpClient http = HttpClient.newHttpClient();
            assertThat(send(http, outbound, key, 0).join().statusCode()).as("the sender's first message").isEqualTo(200);

            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            CompletableFuture<Void> stopped;
            try (Connection admin = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                 Statement statement = admin.createStatement()) {
                // The sender's row, locked: the decisions wait for it, as for a slow database.
                admin.setAutoCommit(false);
                statement.executeQuery("SELECT address FROM sender_status WHERE address = 'ann@stopping.example' "
                        + "FOR UPDATE").close();
                for (int i = 1; i <= WAITING; i++) {
                    answers.add(send(http, outbound, key, i));
                }
                Thread.sleep(500);
                stopped = CompletableFuture.runAsync(server::close);
                Thread.sleep(500);
                assertThat(stopped).as("still answering what it has taken").isNotDone();
                admin.commit();
            }
            stopped.join();
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.join();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                assertThat(response.body()).contains("\"action\":\"DELIVER\"");
            }
        }
    }

    private static CompletableFuture<HttpResponse<String>> send(HttpClient http, URI outbound, String key, int n) {
        return http.sendAsync(HttpRequest.newBuilder(outbound).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"messageId\":\"<" + n + "@stopping>\","
                        + "\"sender\":\"ann@stopping.example\",\"recipients\":[\"x@elsewhere.example\"],"
                        + "\"verdict\":\"CLEAN\"}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
