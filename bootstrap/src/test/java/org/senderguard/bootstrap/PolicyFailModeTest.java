package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The policy server while its database is unreachable (a MariaDB server of the test's own, killed
 * and started again): {@code defer} answers 4.3.0 and {@code open} DUNNO, never silently — the log
 * says so, /health says so — and decisions resume by themselves when the database is back.
 */
class PolicyFailModeTest {

    private static final String RESTRICTED = "blocked@failmode.example";
    private static final Duration RESUME_WITHIN = Duration.ofSeconds(30);

    private int messages;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "defer | action=DEFER_IF_PERMIT 4.3.0 senderguard cannot decide now, try again later",
            "open | action=DUNNO"})
    void answersByTheFailModeWhileTheDatabaseIsAwayAndDecidesAgainAfterwards(String mode, String undecided)
            throws Exception {
        assumeTrue(PrivateMariaDb.unavailableReason().isEmpty(), () -> PrivateMariaDb.unavailableReason().get());
        int policyPort = SenderguardJar.freePort();
        try (PrivateMariaDb database = PrivateMariaDb.start();
             ApplicationContext application = start(database, policyPort, mode);
             StandardError log = StandardError.capture();
             PolicyClient postfix = new PolicyClient(policyPort)) {
            URI health = application.getBean(EmbeddedServer.class).getURI().resolve("/health");
            assertThat(TestApplication.cli(application, "tenant", "create", "failmode", "--domain",
                    "failmode.example").exitCode()).isZero();
            assertThat(TestApplication.cli(application, "restricted", "add", "--tenant", "failmode", RESTRICTED,
                    "--reason", "test").exitCode()).isZero();
            assertThat(postfix.ask(restrictedSendsOne())).startsWith("action=550 5.1.8 ");

            log.mark();
            database.kill();
            assertThat(postfix.ask(restrictedSendsOne())).as("the database is away").isEqualTo(undecided);
            assertThat(log.linesSinceMark()).anyMatch(line -> line.contains("cannot decide")
                    && line.contains(undecided.substring("action=".length()).split(" ")[0]));
            HttpResponse<String> down = get(health);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"postfixPolicy\"").contains("\"undecidedSince\"")
                    .contains("\"failMode\":\"" + mode + "\"");

            database.restart();
            Instant deadline = Instant.now().plus(RESUME_WITHIN);
            String answer;
            do {
                Thread.sleep(200);
                answer = postfix.ask(restrictedSendsOne());
            } while (!answer.startsWith("action=550 5.1.8 ") && Instant.now().isBefore(deadline));
            assertThat(answer).as("decisions resume by themselves").startsWith("action=550 5.1.8 ");
            assertThat(get(health).statusCode()).isEqualTo(200);
        }
    }

    /**
     * The end of a message of the restricted sender: decided, it is refused under the sender's lock
     * in the database (recipient checks are answered from memory, which the outage soon empties).
     */
    private Map<String, String> restrictedSendsOne() {
        Map<String, String> request = PolicyClient.postfixRequest("END-OF-MESSAGE", "i" + (++messages),
                RESTRICTED, "192.0.2.1", RESTRICTED, "x@elsewhere.example");
        request.put("queue_id", "Q" + messages);
        request.put("recipient_count", "1");
        return request;
    }

    private static ApplicationContext start(PrivateMariaDb database, int policyPort, String mode) {
        ApplicationContext context = OwnApplication.start(database.settings(), Map.of("senderguard.db.timeout", "1s",
                "senderguard.policy.port", policyPort, "senderguard.policy.fail-mode", mode));
        context.getBean(EmbeddedServer.class).start();
        return context;
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
