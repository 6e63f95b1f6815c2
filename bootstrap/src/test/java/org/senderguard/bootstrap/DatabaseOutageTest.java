package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Mail flow and /health while the database is frozen (SIGSTOP) and while it is killed (SIGKILL) and
 * started again, on a MariaDB server of the test's own: every request is refused with 503
 * problem+json and Retry-After within the configured wait, /health answers within a second, the
 * log says a few lines per outage, decisions resume by themselves, and every decision answered
 * was recorded, once.
 */
class DatabaseOutageTest {

    /** {@code SENDERGUARD_DB_TIMEOUT} for this test. */
    private static final Duration WAIT = Duration.ofSeconds(2);
    /** Allowance on top of the wait for a busy machine: still far below a hang. */
    private static final Duration SLACK = Duration.ofSeconds(3);
    private static final Duration HEALTH_BOUND = Duration.ofSeconds(1);
    private static final Duration FROZEN_FOR = Duration.ofSeconds(12);
    private static final Duration KILLED_FOR = Duration.ofSeconds(5);
    private static final Duration CLIENT_GIVES_UP = Duration.ofSeconds(20);
    /** Between two messages of mail flow during the outage. */
    private static final Duration PACE = Duration.ofMillis(100);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> answered = new HashSet<>();
    private URI base;
    private String mailFlowKey;
    private String sender;

    @Test
    void refusesQuicklyWhileTheDatabaseIsFrozenOrKilledAndResumesAfterwards() throws Exception {
        assumeTrue(PrivateMariaDb.unavailableReason().isEmpty(), () -> PrivateMariaDb.unavailableReason().get());
        try (PrivateMariaDb database = PrivateMariaDb.start(); ApplicationContext application = start(database);
             StandardError log = StandardError.capture()) {
            try {
                run(application, database, log);
            } finally {
                database.thaw();
            }
        }
    }

    /** A freeze, then a kill and a restart, with mail flow sending all along. */
    private void run(ApplicationContext application, PrivateMariaDb database, StandardError log) throws Exception {
        base = application.getBean(EmbeddedServer.class).start().getURI();
        setUpTenant(application);
        assertThat(decide(UUID.randomUUID().toString()).status()).isEqualTo(200);
        assertThat(health().status()).isEqualTo(200);

        log.mark();
        database.freeze();
        List<String> refusedWhileFrozen = refuseFor(FROZEN_FOR);
        database.thaw();
        Duration frozenResume = resume(refusedWhileFrozen);
        List<String> frozenLog = log.linesSinceMark();

        log.mark();
        database.kill();
        List<String> refusedWhileKilled = refuseFor(KILLED_FOR);
        database.restart();
        Duration killedResume = resume(refusedWhileKilled);
        List<String> killedLog = log.linesSinceMark();

        for (List<String> lines : List.of(frozenLog, killedLog)) {
            assertThat(lines).as("the outage's log").noneMatch(line -> line.startsWith("\tat ")
                    || line.contains("Exception"));
            assertThat(lines).as("the outage's log").filteredOn(line -> line.contains("unavailable"))
                    .hasSizeBetween(1, 3);
            assertThat(lines).as("the outage's log").filteredOn(line -> line.contains("available again"))
                    .hasSize(1);
            assertThat(lines).as("the outage's log").hasSizeLessThanOrEqualTo(6);
        }
        assertThat(recordedDecisions(database)).as("decisions recorded, each once").isEqualTo(answered.size());
        System.out.printf("outage figures: resumed %d ms after thawing, %d ms after restarting; log lines %d "
                + "(frozen %d s), %d (killed %d s)%n", frozenResume.toMillis(), killedResume.toMillis(),
                frozenLog.size(), FROZEN_FOR.toSeconds(), killedLog.size(), KILLED_FOR.toSeconds());
    }

    /**
     * Sends messages for the given time, one after the other, as mail flow keeps doing, with
     * /health asked between them; each is refused within the wait. Returns the refused message ids.
     */
    private List<String> refuseFor(Duration outage) throws InterruptedException {
        List<String> refused = new ArrayList<>();
        Instant end = Instant.now().plus(outage);
        List<Long> refusalMillis = new ArrayList<>();
        long slowestHealth = 0;
        boolean healthDown = false;
        while (Instant.now().isBefore(end)) {
            String messageId = UUID.randomUUID().toString();
            Answer answer = decide(messageId);
            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(answer.body()).contains("\"type\":\"database-unavailable\"").doesNotContain("Exception")
                    .doesNotContain("java.").doesNotContain("org.");
            assertThat(answer.retryAfter()).as("Retry-After").matches("[1-9][0-9]*");
            assertThat(answer.took()).isLessThan(WAIT.plus(SLACK));
            refusalMillis.add(answer.took().toMillis());
            refused.add(messageId);
            Answer health = health();
            assertThat(health.took()).as("/health's answer time").isLessThan(HEALTH_BOUND);
            slowestHealth = Math.max(slowestHealth, health.took().toMillis());
            healthDown |= health.status() == 503;
            Thread.sleep(PACE.toMillis());
        }
        assertThat(healthDown).as("/health said 503 during the outage").isTrue();
        List<Long> sorted = refusalMillis.stream().sorted().toList();
        System.out.printf("outage figures: %d requests refused in %d s, first 503 after %d ms, median %d ms, "
                + "slowest %d ms; slowest /health %d ms%n", refused.size(), outage.toSeconds(), refusalMillis.get(0),
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), slowestHealth);
        return refused;
    }

    /** Mail flow repeats the refused messages until they are decided; returns how long that took. */
    private Duration resume(List<String> refused) throws InterruptedException {
        Instant start = Instant.now();
        Instant deadline = start.plus(Duration.ofSeconds(30));
        while (decide(refused.get(0)).status() != 200) {
            assertThat(Instant.now()).as("decisions resumed").isBefore(deadline);
            Thread.sleep(100);
        }
        Duration resumed = Duration.between(start, Instant.now());
        for (String messageId : refused) {
            assertThat(decide(messageId).status()).isEqualTo(200);
        }
        awaitHealth(200);
        return resumed;
    }

    private void awaitHealth(int status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (health().status() != status) {
            assertThat(Instant.now()).as("/health says " + status).isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static ApplicationContext start(PrivateMariaDb database) {
        return OwnApplication.start(database.settings(), Map.of("senderguard.db.timeout", WAIT.toSeconds() + "s"));
    }

    private void setUpTenant(ApplicationContext application) throws IOException {
        TestApplication.CliResult tenant = TestApplication.cli(application, "tenant", "create", "outage",
                "--domain", "outage.example");
        assertThat(tenant.exitCode()).as(tenant.err()).isZero();
        TestApplication.CliResult key = TestApplication.cli(application, "api-key", "create", "--tenant", "outage",
                "--role", "MAIL_FLOW", "--output", "json");
        assertThat(key.exitCode()).as(key.err()).isZero();
        mailFlowKey = (String) application.getBean(JsonMapper.class).readValue(key.out(), Map.class).get("key");
        sender = "user@outage.example";
    }

    /** One message to one external recipient; a 200 is remembered as a decision that must be stored. */
    private Answer decide(String messageId) {
        String body = "{\"messageId\":\"" + messageId + "\",\"sender\":\"" + sender
                + "\",\"recipients\":[\"someone@elsewhere.example\"],\"verdict\":\"CLEAN\"}";
        Answer answer = send(HttpRequest.newBuilder(base.resolve("/api/v1/mail-flow/outbound"))
                .header("Authorization", "Bearer " + mailFlowKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (answer.status() == 200) {
            answered.add(messageId);
        }
        return answer;
    }

    private Answer health() {
        return send(HttpRequest.newBuilder(base.resolve("/health")).GET());
    }

    /** Status 0: no answer before the client gave up. */
    private Answer send(HttpRequest.Builder request) {
        Instant start = Instant.now();
        try {
            HttpResponse<String> response = http.send(request.timeout(CLIENT_GIVES_UP).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(""), response.body(),
                    Duration.between(start, Instant.now()));
        } catch (HttpTimeoutException e) {
            return new Answer(0, "", "", "no answer within " + CLIENT_GIVES_UP, Duration.between(start, Instant.now()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long recordedDecisions(PrivateMariaDb database) throws Exception {
        try (Connection connection = database.connect("senderguard");
             ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM processed_message")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private record Answer(int status, String contentType, String retryAfter, String body, Duration took) {
    }
}
