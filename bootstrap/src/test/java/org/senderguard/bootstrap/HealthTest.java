package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;

/** /health follows the database: up while it answers, 503 soon after it is gone, each answer at once. */
class HealthTest {

    @Test
    void answers503WhenTheDatabaseStopsAnswering() throws Exception {
        Server database = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        String url = "jdbc:h2:tcp://127.0.0.1:" + database.getPort()
                + "/mem:health;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;IGNORECASE=TRUE";
        try (ApplicationContext context = ApplicationContext.builder(Senderguard.class).deduceEnvironment(false)
                .environments("test")
                .properties(Map.of("datasources.default.url", url, "datasources.default.username", "sa",
                        "datasources.default.password", "", "datasources.default.connection-timeout", 1000,
                        "micronaut.server.port", -1))
                .start()) {
            URI health = context.getBean(EmbeddedServer.class).start().getURI().resolve("/health");
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> up = http.send(HttpRequest.newBuilder(health).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).contains("\"UP\"");

            database.stop();
            // /health answers from the server's last check of the database, made every second.
            Instant deadline = Instant.now().plusSeconds(5);
            HttpResponse<String> down;
            do {
                Instant asked = Instant.now();
                down = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(1));
            } while (down.statusCode() == 200 && Instant.now().isBefore(deadline));
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"DOWN\"");
        } finally {
            database.stop();
        }
    }
}
